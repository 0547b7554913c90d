using System.Reflection;
using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// The assistant's own words never raise the alarm when a user types them back: every option of every list (age bands,
/// categories, 「打我的手机」…) is calm, and no fixed sentence of ours is taken as a crisis. A future option or text
/// that would trip the check fails here, not in a young person's chat.
/// </summary>
public sealed class AssistantOwnWordsTests
{
    private static IEnumerable<FieldInfo> TextFields() =>
        new[] { typeof(ChatBot).Assembly, typeof(ChannelTexts).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Texts", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static));

    public static TheoryData<string, string> Options()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in TextFields().Where(f => f.FieldType == typeof(string[])))
            foreach (var option in (string[])field.GetValue(null)!) data.Add($"{field.DeclaringType!.Name}.{field.Name}", option);
        return data;
    }

    public static TheoryData<string, string> Sentences()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in TextFields().Where(f => f.FieldType == typeof(string)))
            if (field.GetValue(null) is string { Length: > 0 } text) data.Add($"{field.DeclaringType!.Name}.{field.Name}", text);
        return data;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void No_option_of_a_list_is_taken_for_distress(string field, string option)
    {
        var result = CrisisFiles.Classifier.Assess(option);
        Assert.True(result.Level == CrisisLevel.None, $"{field}: 「{option}」 → {result.Level} {result.Signal}");
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void No_sentence_of_ours_is_taken_for_a_crisis(string field, string text)
    {
        var result = CrisisFiles.Classifier.Assess(text);
        Assert.False(result.IsCrisis, $"{field}: 「{text}」 → {result.Signal}");
    }

    [Fact]
    public void The_help_requests_contact_options_are_among_those_checked()
    {
        Assert.Contains(Sentences(), row => (string)row[1] == ChatAssistant.Disputes.DisputeTexts.ContactPhone);
        Assert.Contains(Options(), row => (string)row[1] == ChatAssistant.Disputes.DisputeTexts.AgeUnder14);
        Assert.Equal(CrisisLevel.None, CrisisFiles.Classifier.Assess(ChatAssistant.Disputes.DisputeTexts.ContactPhone).Level);
        Assert.True(Sentences().Count() > 50);
    }
}
