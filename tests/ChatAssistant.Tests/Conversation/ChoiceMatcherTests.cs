using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Conversation;

/// <summary>How answers to a numbered list are read, against Thu 2026-11-26 10:00 Beijing with the server in UTC.</summary>
public sealed class ChoiceMatcherTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly Choice[] Ages =
    [
        new("未满14岁", "未满14岁") { Covers = new(0, 13) },
        new("14至17岁", "14至17岁") { Covers = new(14, 17) },
        new("18至35岁", "18至35岁") { Covers = new(18, 35) },
        new("35岁以上", "35岁以上") { Covers = new(36, 150) },
    ];

    private static readonly Choice[] Counties = new[] { "临海市", "天台县", "仙居县", "三门县", "其他地区" }.Select(c => new Choice(c, c)).ToArray();

    private static readonly Choice[] Contacts =
    [
        new("在微信里回复我", "在微信里回复我"),
        new("打我的手机", "打我的手机") { Synonyms = ["电话", "打电话"] },
    ];

    private static readonly Choice[] Identities =
    [
        new("匿名", "匿名"),
        new("留下称呼", "留下称呼") { Synonyms = ["实名", "不匿名", "不要匿名"] },
    ];

    private static readonly Choice[] Categories = new[] { "纠纷调解", "心理疏导", "爱心帮扶", "权益维护" }.Select(c => new Choice(c, c)).ToArray();

    // Tue 12-01 14–16, Wed 12-02 14–16, Wed 12-02 16–18, Sat 12-05 09–11, Tue 12-08 14–16.
    private static readonly Choice[] Slots =
    [
        Slot(12, 1, 14), Slot(12, 2, 14), Slot(12, 2, 16), Slot(12, 5, 9), Slot(12, 8, 14),
    ];

    private static readonly DateTimeReader Reader = CreateReader();

    public static readonly TheoryData<string, string, int?> Answers = new()
    {
        // list, answer, the option picked (1-based), or null for none
        { "ages", "2", 2 },
        { "ages", "第三个", 3 },
        { "ages", "就第一个吧", 1 },
        { "ages", "14到18岁", 2 },
        { "ages", "16岁", 2 },
        { "ages", "我今年十六", 2 },
        { "ages", "16", 2 },
        { "ages", "12岁", 1 },
        { "ages", "14岁以下", 1 },
        { "ages", "四十岁", 4 },
        { "ages", "高一", null },
        { "counties", "天台", 2 },
        { "counties", "天台县", 2 },
        { "counties", "我在天台县", 2 },
        { "counties", "天苔县", 2 },
        { "counties", "三门吧", 4 },
        { "counties", "杭州", null },
        { "contacts", "微信", 1 },
        { "contacts", "微信吧", 1 },
        { "contacts", "打电话给我", 2 },
        { "contacts", "手机", 2 },
        { "contacts", "不要微信，打电话", 2 },
        { "identities", "匿名", 1 },
        { "identities", "不要匿名", 2 },
        { "identities", "实名", 2 },
        { "categories", "心里疏导", 2 },
        { "categories", "调解", 1 },
        { "categories", "帮扶", 3 },
        { "slots", "12月5日那个", 4 },
        { "slots", "周六上午", 4 },
        { "slots", "5号", 4 },
        { "slots", "12月2日下午4点", 3 },
        { "slots", "12月8日", 5 },
        { "slots", "3", 3 },
        { "slots", "12月10日", null },
        { "slots", "10", null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_picks_the_option_it_names(string list, string answer, int? expected)
    {
        var match = ChoiceMatcher.Match(answer, List(list), Reader);
        Assert.Equal(expected, match.Picked + 1);
    }

    [Theory]
    [InlineData("slots", "12月2日", new[] { 2, 3 })]
    [InlineData("slots", "下午3点", new[] { 1, 2, 5 })]
    [InlineData("ages", "18岁以下", new[] { 1, 2 })]
    [InlineData("ages", "35岁", new[] { 3 })]
    public void An_answer_that_fits_several_options_reports_them(string list, string answer, int[] expected)
    {
        var match = ChoiceMatcher.Match(answer, List(list), Reader);
        Assert.Equal(expected, match.Candidates.Select(i => i + 1));
        Assert.Equal(expected.Length > 1, match.IsAmbiguous);
    }

    [Fact]
    public void A_number_still_picks_an_option_gone_since_it_was_shown()
    {
        Choice?[] shown = [Slots[0], null, Slots[2]];
        Assert.Equal(1, ChoiceMatcher.Match("2", shown, Reader).Picked);
        Assert.Null(ChoiceMatcher.Match("12月2日下午2点", shown, Reader).Picked);
    }

    private static IReadOnlyList<Choice?> List(string name) => name switch
    {
        "ages" => Ages,
        "counties" => Counties,
        "contacts" => Contacts,
        "identities" => Identities,
        "categories" => Categories,
        _ => Slots,
    };

    private static Choice Slot(int month, int day, int hour)
    {
        var start = new DateTimeOffset(2026, month, day, hour, 0, 0, Beijing).ToUniversalTime();
        return new Choice($"1:{start.ToUnixTimeSeconds()}", $"{month}月{day}日 {hour}:00-{hour + 2}:00 测试工作室") { Start = start, End = start.AddHours(2) };
    }

    private static DateTimeReader CreateReader()
    {
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return new DateTimeReader(new AssistantClock(time, Options.Create(new AssistantOptions())));
    }
}
