using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Disputes;

/// <summary>
/// The help request's options with the other ways people answer them: the ages each band covers ("16岁",
/// "14到18岁"), and a few everyday words ("电话", "维权", "实名").
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

    /// <summary>The age bands and, last, a parent filing for their child (「我是家长」, 「替孩子」).</summary>
    public static IReadOnlyList<Choice> AgeBandsOrParent { get; } =
        [.. AgeBands, Label(HelpNeedTexts.ParentOption, "我是家长", "家长", "替孩子", "帮孩子", "孩子的家长")];

    /// <summary>A child's age as a parent gives it: the three bands that decide consent, by age too ("孩子12岁").</summary>
    public static IReadOnlyList<Choice> ChildAgeBands { get; } =
    [
        new(HelpNeedTexts.ChildAgeBands[0], HelpNeedTexts.ChildAgeBands[0]) { Covers = new NumberRange(0, 13), Synonyms = ["14岁以下", "不到14岁", "小于14岁", "不满14岁"] },
        new(HelpNeedTexts.ChildAgeBands[1], HelpNeedTexts.ChildAgeBands[1]) { Covers = new NumberRange(14, 17) },
        new(HelpNeedTexts.ChildAgeBands[2], HelpNeedTexts.ChildAgeBands[2]) { Covers = new NumberRange(18, 150), Synonyms = ["成年了", "已成年"] },
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
        Label(DisputeTexts.ContactPhone, "电话", "打电话", "手机号", "电话联系", "打给我", "手机", "打手机", "打我手机"),
    ];

    public static IReadOnlyList<Choice> Identities { get; } =
    [
        Label(DisputeTexts.Anonymous, "不留名", "不留称呼", "不用称呼", "不要称呼"),
        Label(DisputeTexts.Named, "实名", "留名", "留称呼", "称呼", "不匿名", "不要匿名", "不用匿名"),
    ];

    private static Choice Band(int index, NumberRange ages, params string[] synonyms) =>
        new(DisputeTexts.AgeBands[index], DisputeTexts.AgeBands[index]) { Covers = ages, Synonyms = synonyms };

    private static Choice Label(string label, params string[] synonyms) => new(label, label) { Synonyms = synonyms };
}
