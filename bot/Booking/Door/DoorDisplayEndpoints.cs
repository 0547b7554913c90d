using System.Globalization;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ChatAssistant.Booking.Door;

/// <summary>
/// The studio door screen: <c>/studio/{id}/door?key=…</c> checks the display key, keeps it in a cookie and shows the
/// page; the page's script fetches <c>/studio/{id}/door/code</c> for the current QR code. A wrong or revoked key gets
/// the 403 page (or, from the script, a 403 that makes it reload to that page).
/// </summary>
public static class DoorDisplayEndpoints
{
    public const string CookieName = "door_key";

    public static string PagePath(int studioId) => string.Create(CultureInfo.InvariantCulture, $"/studio/{studioId}/door");

    public static IEndpointRouteBuilder MapDoorDisplay(this IEndpointRouteBuilder endpoints)
    {
        var page = new DoorDisplayPage();
        endpoints.MapGet("/studio/{id:int}/door", (int id, string? key, HttpContext http, IDoorKeyStore keys, IStudioStore studios) =>
        {
            if (studios.Find(id) is null || keys.Find(id, key ?? http.Request.Cookies[CookieName]) is null) return page.Denied(http);
            if (key is null) return page.Page(http);
            // The key moves from the address into a cookie of this page alone, so it is not left on the screen.
            http.Response.Cookies.Append(CookieName, key, new CookieOptions
            {
                Path = PagePath(id),
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(400),
                IsEssential = true,
            });
            DoorDisplayPage.SecureHeaders(http);
            return Results.Redirect(PagePath(id));
        });
        endpoints.MapGet("/studio/{id:int}/door/code", async (int id, HttpContext http, IDoorKeyStore keys, IStudioStore studios, DoorCodes codes,
            AssistantClock clock, IOptions<BookingOptions> options, CancellationToken cancellationToken) =>
        {
            DoorDisplayPage.SecureHeaders(http);
            var studio = studios.Find(id);
            if (studio is null || keys.Find(id, http.Request.Cookies[CookieName]) is null)
                return Results.Json(new { error = DoorDisplayTexts.Denied }, statusCode: StatusCodes.Status403Forbidden);
            var o = options.Value;
            var now = clock.Now;
            var instruction = DoorDisplayTexts.Instruction(o.DoorCodeRenewal);
            DoorCodeResult result;
            try { result = await codes.CurrentAsync(id, cancellationToken); }
            catch (StorageUnavailableException) { result = new DoorCodeResult(null, DoorDisplayTexts.StoreDown); }
            if (result.Code is not { } code)
                return Results.Json(new { studio = studio.Name, instruction, now = now.ToUnixTimeMilliseconds(), utcOffsetMinutes = (int)now.Offset.TotalMinutes, error = DoorDisplayTexts.Failed(result.ErrCode) },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            return Results.Json(new
            {
                studio = studio.Name,
                instruction,
                image = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(code.Url, QRCodeGenerator.ECCLevel.M, 12)),
                ticket = code.Ticket,
                renewInMs = (long)Math.Max(0, (code.IssuedAt + o.DoorCodeRenewal - now).TotalMilliseconds),
                validForMs = (long)Math.Max(0, (code.IssuedAt + o.DoorCodeValidity - now).TotalMilliseconds),
                now = now.ToUnixTimeMilliseconds(),
                utcOffsetMinutes = (int)now.Offset.TotalMinutes,
            });
        });
        endpoints.MapGet(DoorDisplayPage.AssetsPath + "/{file}", (string file, HttpContext http) => page.Asset(http, file));
        return endpoints;
    }
}
