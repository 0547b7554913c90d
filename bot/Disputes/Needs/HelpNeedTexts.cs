namespace ChatAssistant.Disputes;

/// <summary>
/// What the help request says when a message named a need (a short acknowledgement before the offer), and its
/// questions worded for a parent filing for their child (「你的孩子」, never as if the parent were the child).
/// </summary>
public static class HelpNeedTexts
{
    public const string Bullying = "被欺负不是你的错，愿意说出来就很勇敢。";
    public const string BullyingParent = "孩子遇到这样的事，你一定很着急。";
    public const string Excluded = "被孤立、被排挤的滋味不好受，这不是你的错。";
    public const string ExcludedParent = "孩子在同学中被孤立，你一定很担心。";
    public const string Family = "和家里人闹矛盾，心里一定不好受，可以请人帮忙一起想办法。";
    public const string FamilyParent = "家里有矛盾，大人孩子都不好受，可以请人帮忙一起沟通。";
    public const string Dispute = "遇到纠纷别着急，可以请人帮忙调解。";
    public const string DisputeParent = "遇到纠纷别着急，可以请人帮你们调解。";
    public const string Counselling = "谢谢你愿意说出来，找人聊聊是个好办法。";
    public const string CounsellingParent = "你愿意为孩子找人聊聊，这很重要。";
    public const string Rights = "你的权益受到侵害，可以请人帮忙维护。";
    public const string RightsParent = "孩子的权益受到侵害，可以请人帮忙维护。";

    /// <summary>Added to the acknowledgement when the message also showed distress.</summary>
    public const string Hotline = "想马上找人聊聊，也可以拨打青少年服务台 12355（免费）。";

    /// <summary>The acknowledgement of <paramref name="need"/>, or null for none.</summary>
    public static string? Acknowledge(HelpNeed need, Filer filer)
    {
        var parent = filer == Filer.Parent;
        return need switch
        {
            HelpNeed.Bullying => parent ? BullyingParent : Bullying,
            HelpNeed.Excluded => parent ? ExcludedParent : Excluded,
            HelpNeed.Family => parent ? FamilyParent : Family,
            HelpNeed.Dispute => parent ? DisputeParent : Dispute,
            HelpNeed.Counselling => parent ? CounsellingParent : Counselling,
            HelpNeed.Rights => parent ? RightsParent : Rights,
            _ => null,
        };
    }

    // ---- a parent filing for their child ----

    public const string IntroParent =
        "「亲青老娘舅」是团委联合各地工作室为青少年和家庭提供的公益服务：纠纷调解、心理疏导、爱心帮扶、权益维护。" +
        "你可以在这里为孩子提出求助，工作人员会跟进。";

    public const string NoticeParent =
        "提交前请了解：\n" +
        "· 我们会收集：孩子的年龄段、你们所在县（市、区）、求助类别、一段简短描述，以及你希望的联系方式（微信回复或手机号），可以匿名。\n" +
        "· 用途：仅用于工作人员了解和处理这次求助。\n" +
        "· 谁能看到：只有你们所在县（市、区）负责的团委工作人员；描述和联系方式加密保存，每次查看都有记录。\n" +
        "· 保存多久：求助办结后保存 {0} 天，到期自动删除；你也可以随时在「我的求助」里撤回并删除。\n" +
        "作为孩子的家长（监护人），你同意我们按上述方式收集和使用这些信息吗？回复「是」同意，回复「否」不同意。";

    /// <summary>The option of the age question for a parent who did not say so before.</summary>
    public const string ParentOption = "我是家长，替孩子求助";

    public const string AskChildAge = "你的孩子多大了？";
    public static readonly string[] ChildAgeBands = [DisputeTexts.AgeUnder14, "14至17岁", "18岁及以上"];

    public const string AskCountyParent = "你和孩子在哪个县（市、区）？我们会请当地的工作室跟进。";

    public const string AskDescriptionParent =
        "请简单说说你的孩子遇到了什么、希望得到什么帮助（10 到 500 字）。不必写孩子的身份证号、住址等信息。";

    public const string SummaryHeadingParent = "请确认你为孩子提交的求助：";
    public const string AgeLabelParent = "孩子年龄段";

    /// <summary>How staff see who filed.</summary>
    public static string FilerLabel(Filer filer) => filer == Filer.Parent ? "家长代孩子求助" : "本人求助";
}
