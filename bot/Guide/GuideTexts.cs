namespace ChatAssistant.Guide;

/// <summary>What the volunteer guide says around its answers.</summary>
public static class GuideTexts
{
    public const string ClarifyHeading = "你是想问：";
    public const string ClarifyFooter = "回复序号查看，都不是的话可以换个说法再问我。";
    public const string NotSure = "这个问题我不太确定，怕答错了误导你。可以换个说法再问我，或回复「转人工」请工作人员解答。";

    /// <summary>The guide's answer to a question it cannot answer: offers a person, which a short yes accepts.</summary>
    public const string NotSureOffer = "这个问题我不太确定，怕答错了误导你。可以换个说法再问我；要请工作人员来解答吗？回复「好」就为你转人工。";
    public const string NoneOfThem = "抱歉没帮上忙，这个问题我们会记下来，补充到指南里。你可以换个说法再问我，或回复「转人工」请工作人员解答。";
    public const string MenuHeading = "志愿指南：可以直接问我，比如「怎么注册志愿者」「时长怎么记录」。常见问题：";
    public const string MenuFooter = "回复序号查看，或直接输入你的问题。";
    public const string AnswerFooter = "还有其他问题可以继续问我，回复「菜单」看看其他服务。";

    /// <summary>
    /// An entry's answer, then <paramref name="then"/> when the answer is about a feature (its offer, or how to bind;
    /// <c>FeatureOffers</c>), else the footer inviting more questions.
    /// </summary>
    public static string Answer(string answer, string? then = null) => $"{answer}\n{then ?? AnswerFooter}";
}
