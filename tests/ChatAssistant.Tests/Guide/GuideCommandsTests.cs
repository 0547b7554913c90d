using ChatAssistant.Tests.Knowledge;
using ChatAssistant.Tests.Support;
using TempDirectory = ChatAssistant.Tests.Support.TempDirectory;

namespace ChatAssistant.Tests.Guide;

/// <summary>
/// <c>knowledge export</c> and <c>knowledge import</c> as an operator runs them (the built assistant, a data folder of
/// its own): an export is a whole guide folder; importing it unchanged publishes nothing; an edited copy publishes
/// the entry that changed; a broken copy is refused with its errors and changes nothing.
/// </summary>
public sealed class GuideCommandsTests
{
    [Fact]
    public async Task Export_then_import_publishes_only_what_was_edited_and_refuses_a_broken_copy()
    {
        using var data = new TempDirectory("guide-cli");
        var export = Path.Combine(data.Path, "export");
        var guide = new Dictionary<string, string> { ["Guide__ContentDirectory"] = GuideFiles.RepositoryGuide };

        var (code, stdout, stderr) = await CliProcess.RunAsync(data.Path, guide, "knowledge", "export", "--to", export);
        Assert.True(code == 0, stderr);
        Assert.Contains("no file differs", stdout);
        Assert.True(File.Exists(Path.Combine(export, "volunteer.yaml")));
        Assert.True(File.Exists(Path.Combine(export, "examples-a.yaml")));

        (code, stdout, stderr) = await CliProcess.RunAsync(data.Path, guide, "knowledge", "import", "--from", export);
        Assert.True(code == 0, stderr);
        Assert.Contains("nothing to publish", stdout);

        var file = Path.Combine(export, "volunteer.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: 志愿汇实名认证", "title: 志愿汇怎么实名认证", StringComparison.Ordinal));
        (code, stdout, stderr) = await CliProcess.RunAsync(data.Path, guide, "knowledge", "import", "--from", export);
        Assert.True(code == 0, stderr);
        Assert.Contains("Published 1 of", stdout);
        Assert.Contains("vol-realname", stdout);

        // The next export carries the change in the entry's own file.
        var again = Path.Combine(data.Path, "again");
        (code, stdout, _) = await CliProcess.RunAsync(data.Path, guide, "knowledge", "export", "--to", again);
        Assert.Equal(0, code);
        Assert.Contains("volunteer.yaml", stdout);
        Assert.Contains("志愿汇怎么实名认证", File.ReadAllText(Path.Combine(again, "volunteer.yaml")));

        File.WriteAllText(file, File.ReadAllText(file).Replace("title: 志愿汇怎么实名认证", "title: ''", StringComparison.Ordinal));
        (code, _, stderr) = await CliProcess.RunAsync(data.Path, guide, "knowledge", "import", "--from", export);
        Assert.Equal(2, code);
        Assert.Contains("nothing was imported", stderr);
        Assert.Contains("volunteer.yaml", stderr);
    }
}
