using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ChatAssistant.WebChat;

/// <summary>
/// Who is chatting on the web page: a random id kept in a cookie signed and encrypted with ASP.NET Data Protection
/// (the keys the staff sign-in uses), so a visitor cannot pick another visitor's id. A missing or forged cookie gets
/// a new id. The id is the conversation's and the user's id on the <c>webchat</c> channel.
/// </summary>
public sealed class WebChatVisitor(IDataProtectionProvider protection)
{
    public const string CookieName = "ca_chat";
    private const string Prefix = "web-";
    private readonly IDataProtector _protector = protection.CreateProtector("ChatAssistant.WebChat.Visitor.v1");

    /// <summary>The visitor's id from the request's cookie, or null when there is none or it is not ours.</summary>
    public string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var id = _protector.Unprotect(value);
            return id.StartsWith(Prefix, StringComparison.Ordinal) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The visitor's id, making one (and setting the cookie) when the request has none.</summary>
    public string ReadOrIssue(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Read(http.Request) is { } id) return id;
        id = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
            Path = "/",
        });
        return id;
    }
}
