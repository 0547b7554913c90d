using System.Collections.Frozen;

namespace ChatAssistant.Booking.Door;

/// <summary>
/// The door screen's files (page, script, stylesheet, the refusal page), embedded in the assembly and served with a
/// strict Content-Security-Policy like the staff console's: only our own script and style, no inline script, images
/// only from us or the QR code's data URI, no framing, no referrer (the first URL carries the display key).
/// </summary>
public sealed class DoorDisplayPage
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Where the script and stylesheet are served.</summary>
    public const string AssetsPath = "/studio/assets";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["denied.html"] = "text/html; charset=utf-8",
        ["door.js"] = "text/javascript; charset=utf-8",
        ["door.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    // Read once: the files are small and never change while the process runs.
    private readonly FrozenDictionary<string, byte[]> _files = ContentTypes.Keys.ToFrozenDictionary(name => name, Read);

    /// <summary>The screen's page.</summary>
    public IResult Page(HttpContext http) => Serve(http, "index.html");

    /// <summary>The refusal page (403): a wrong or revoked display key.</summary>
    public IResult Denied(HttpContext http) => Serve(http, "denied.html", StatusCodes.Status403Forbidden);

    /// <summary>The script or stylesheet; 404 for anything else.</summary>
    public IResult Asset(HttpContext http, string file) =>
        file is "door.js" or "door.css" ? Serve(http, file) : Results.NotFound();

    /// <summary>The security headers every answer of the door screen carries, JSON included.</summary>
    public static void SecureHeaders(HttpContext http) => Hosting.EmbeddedPage.SecureHeaders(http, ContentSecurityPolicy, "no-store");

    private IResult Serve(HttpContext http, string name, int status = StatusCodes.Status200OK)
    {
        SecureHeaders(http);
        http.Response.StatusCode = status;
        return Results.Bytes(_files[name], ContentTypes[name]);
    }

    private static byte[] Read(string name) => Hosting.EmbeddedPage.Read("door/" + name);
}
