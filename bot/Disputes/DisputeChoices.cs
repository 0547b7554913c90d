using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Disputes;

/// <summary>
/// The help request's options with the other ways people answer them: the ages each band covers ("16岁",
/// "14到18岁"), the short names of counties ("天台"), and a few everyday words ("电话", "维权", "实名").
/// </summary>
internal static class DisputeChoices
{
    public static IReadOnlyList<Choice> AgeBands { get; } =
    [
        Band(0, new NumberRange(0, 13), "14岁以下", "不到14岁", "小于14岁", "不满14岁"),
        Band(1, new NumberRange(14, 17)),
        Band(2, new NumberRange(18, 35)),
        Band(3, new NumberRange(36, 150), "35岁往上"),
    ];

    public static IReadOnlyList<Choice> Categories { get; } =
    [
        Label(DisputeTexts.Categories[0], "调停", "劝和"),
        Label(DisputeTexts.Categories[1], "心理咨询", "心理辅导", "心理健康"),
        Label(DisputeTexts.Categories[2], "资助", "救助"),
        Label(DisputeTexts.Categories[3], "维权"),
    ];

    public static IReadOnlyList<Choice> ContactMethods { get; } =
    [
        Label(DisputeTexts.ContactWeChat, "微信", "微信回复", "微信联系", "回微信", "公众号", "在这里回复"),
        Label(DisputeTexts.ContactPhone, "电话", "打电话", "手机号", "电话联系", "打给我"),
    ];

    public static IReadOnlyList<Choice> Identities { get; } =
    [
        Label(DisputeTexts.Anonymous, "不留名", "不留称呼", "不用称呼", "不要称呼"),
        Label(DisputeTexts.Named, "实名", "留名", "留称呼", "称呼", "不匿名", "不要匿名", "不用匿名"),
    ];

    /// <summary>The counties, each also picked by its name without 县/市/区 ("天台" for 天台县).</summary>
    public static IReadOnlyList<Choice> Counties(IReadOnlyList<string> counties) =>
        counties.Select(c => c.Length >= 3 && "县市区".Contains(c[^1], StringComparison.Ordinal) ? Label(c, c[..^1]) : Label(c)).ToList();

    private static Choice Band(int index, NumberRange ages, params string[] synonyms) =>
        new(DisputeTexts.AgeBands[index], DisputeTexts.AgeBands[index]) { Covers = ages, Synonyms = synonyms };

    private static Choice Label(string label, params string[] synonyms) => new(label, label) { Synonyms = synonyms };
}
