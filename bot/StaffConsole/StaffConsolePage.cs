using System.Collections.Frozen;

namespace ChatAssistant.StaffConsole;

/// <summary>
/// Serves the staff console (/staff: one HTML page, one script, one stylesheet) from resources embedded in
/// the assembly, with a strict Content-Security-Policy: only our own script and style run, nothing inline,
/// no framing. The page is public; everything it shows comes from the signed-in /api/staff endpoints.
/// </summary>
public static class StaffConsolePage
{
    public const string Path = "/staff";

    /// <summary>No inline script or style, no other origins, no plugins, no framing, no form posts elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Chart.js 4.6.1, vendored (StaffConsole/Vendor/chartjs/README.md).</summary>
    public const string ChartJs = "chart.umd.min.js";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files = new Dictionary<string, (string, string)>
    {
        [""] = ("staff/index.html", "text/html; charset=utf-8"),
        ["app.js"] = ("staff/app.js", "text/javascript; charset=utf-8"),
        ["kit.js"] = ("staff/kit.js", "text/javascript; charset=utf-8"),
        ["app.css"] = ("staff/app.css", "text/css; charset=utf-8"),
        ["dashboard.js"] = ("staff/dashboard.js", "text/javascript; charset=utf-8"),
        [ChartJs] = ("staff/" + ChartJs, "text/javascript; charset=utf-8"),
        ["chart.js.LICENSE.md"] = ("staff/chart.js.LICENSE.md", "text/plain; charset=utf-8"),
        ["oncall.js"] = ("staff/oncall.js", "text/javascript; charset=utf-8"),
        ["quickreplies.js"] = ("staff/quickreplies.js", "text/javascript; charset=utf-8"),
        ["guide.js"] = ("staff/guide.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary();

    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder endpoints)
    {
        // Read once: the files are small and never change while the process runs.
        var contents = Files.ToFrozenDictionary(f => f.Key, f => (Bytes: Read(f.Value.Resource), f.Value.ContentType));
        endpoints.MapGet(Path, (HttpContext http) => Serve(http, contents[""]));
        endpoints.MapGet(Path + "/{file}", (string file, HttpContext http) =>
            contents.TryGetValue(file, out var content) && file.Length > 0 ? Serve(http, content) : Results.NotFound());
        return endpoints;
    }

    private static IResult Serve(HttpContext http, (byte[] Bytes, string ContentType) file) =>
        Hosting.EmbeddedPage.Serve(http, file.Bytes, file.ContentType, ContentSecurityPolicy);

    private static byte[] Read(string resource) => Hosting.EmbeddedPage.Read(resource);
}
