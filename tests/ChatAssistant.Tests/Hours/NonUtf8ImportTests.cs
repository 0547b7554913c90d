using System.Net;
using System.Text;
using System.Text.Json;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// Excel on Chinese Windows saves "CSV" as GBK. Such a file is refused with a message on how to re-save it,
/// over HTTP and on the command line, and nothing is imported (it used to come in as U+FFFD garble).
/// </summary>
public sealed class NonUtf8ImportTests
{
    internal static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(text);
    }

    private static readonly string Csv = HoursKit.Csv("R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2");

    [Fact]
    public async Task A_GBK_hours_file_is_refused_with_400_and_a_UTF8_file_with_a_BOM_is_imported()
    {
        using var dir = new TempDirectory("ca-hours-gbk");
        File.WriteAllText(dir.File("catalogue.yaml"), HoursKit.TestCatalogue);
        await using var server = await AssistantServer.StartAsync(new Dictionary<string, string?> { ["Hours:CatalogueFile"] = dir.File("catalogue.yaml") });
        server.Get<StaffStore>().Create("admin", "a long admin password", StaffRoles.Admin, null);
        Assert.True(server.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\n")).Ok);
        using var admin = server.CreateClient(cookies: false);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue("admin", "test"));

        var refused = await admin.PostAsync("/api/staff/hours/import", new ByteArrayContent(Gbk(Csv)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(StaffTexts.NotUtf8, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(0, server.Get<LiteDB.ILiteDatabase>().GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).Count());

        var withBom = await admin.PostAsync("/api/staff/hours/import", new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Csv)]));
        Assert.Equal(HttpStatusCode.OK, withBom.StatusCode);
        Assert.Equal("垃圾分类宣传", server.Get<IHoursStore>().FindRecord(HourRecord.KeyOf("嵊州市", "R1"))!.Activity);
    }

    [Fact]
    public async Task The_hours_import_command_refuses_a_GBK_file_with_exit_code_1()
    {
        using var data = new TempDirectory("ca-hours-gbk-cli");
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
            Assert.True(server.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\n")).Ok);
        File.WriteAllBytes(data.File("hours.csv"), Gbk(Csv));

        var (code, _, error) = await CliProcess.RunAsync(data.Path, "hours", "import", data.File("hours.csv"));
        Assert.Equal(1, code);
        Assert.Contains(StaffTexts.NotUtf8, error);
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
            Assert.Equal(0, server.Get<LiteDB.ILiteDatabase>().GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).Count());
    }
}
