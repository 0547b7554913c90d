using System.Reflection;

namespace ChatAssistant.Hosting;

/// <summary>
/// The pages served from files embedded in the assembly (the staff console, the web chat, the studio's door screen):
/// reading a file once, and the security headers every such answer carries — a strict Content-Security-Policy, no
/// sniffing, no framing, no referrer.
/// </summary>
public static class EmbeddedPage
{
    /// <summary>The embedded file <paramref name="resource"/> (its logical name); a missing one is a broken build.</summary>
    public static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded file '{resource}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Sets the headers of a page answer; <paramref name="cacheControl"/> is <c>no-cache</c> or, for live data, <c>no-store</c>.</summary>
    public static void SecureHeaders(HttpContext http, string contentSecurityPolicy, string cacheControl = "no-cache")
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = cacheControl;
    }

    /// <summary>A file answer with the headers above.</summary>
    public static IResult Serve(HttpContext http, byte[] bytes, string contentType, string contentSecurityPolicy)
    {
        SecureHeaders(http, contentSecurityPolicy);
        return Results.Bytes(bytes, contentType);
    }
}
