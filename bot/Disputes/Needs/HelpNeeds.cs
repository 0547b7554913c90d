using System.Text.RegularExpressions;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Disputes;

/// <summary>
/// Recognises a need the help request serves in what people write — being bullied or left out, trouble at home, a
/// dispute with a neighbour, a shop or the other side's parents, wanting someone to talk to, rights — and whether a
/// parent writes about their child. Questions about the service itself (「亲青老娘舅是什么」, 「老娘舅能调解什么」,
/// 「心理疏导怎么预约」) name no need and stay with the guide. Violence and danger never get here: the crisis check
/// before routing answers them.
/// </summary>
public static partial class HelpNeeds
{
    // Within one clause: a need and its object are a few characters apart ("被高年级的同学欺负").
    private const string Clause = @"[^，。,.!?！？；;\n]";

    private static readonly (HelpNeed Need, Regex Pattern)[] Table =
    [
        (HelpNeed.Bullying, Re($@"(被|遭到?|受到?){Clause}{{0,8}}(欺负|霸凌|欺凌|勒索|敲诈|嘲笑|取笑|羞辱|辱骂|起外号|起绰号)")),
        (HelpNeed.Bullying, Re("霸凌|欺凌")),
        (HelpNeed.Bullying, Re("(欺负|嘲笑|取笑|羞辱)(我|他|她|孩子|我家|我儿子|我女儿)")),
        (HelpNeed.Bullying, Re($@"(给|帮){Clause}{{0,4}}起(外号|绰号)")),
        (HelpNeed.Excluded, Re($@"(被|遭到?){Clause}{{0,6}}(孤立|排挤|排斥|冷落|冷暴力)|(孤立|排挤|排斥)(我|他|她|孩子)")),
        (HelpNeed.Excluded, Re($@"(同学|同桌|室友|舍友|班上|班里|大家|朋友|他们){Clause}{{0,4}}(不理|不跟我|不和我|不带我)")),
        (HelpNeed.Family, Re($@"(和|跟|与|同)我?的?(爸|妈|父母|家里人|家人|父亲|母亲|爷爷|奶奶|继父|继母|后妈|后爸|孩子|儿子|女儿){Clause}{{0,6}}(吵|闹矛盾|有矛盾|矛盾|冲突|闹翻|关系不好|合不来|沟通不了|说不通)")),
        (HelpNeed.Family, Re($@"(爸|妈|父母|家里|家长){Clause}{{0,6}}(吵架|离婚|不理解我|不让我|逼我|不管我)")),
        (HelpNeed.Family, Re("家庭(矛盾|纠纷|冲突)|家里(矛盾|闹得)")),
        (HelpNeed.Dispute, Re($@"(和|跟|与){Clause}{{0,6}}(邻居|房东|商家|店家|老板|店主|卖家|室友|舍友|同事|对方){Clause}{{0,6}}(纠纷|矛盾|吵|闹|冲突|争执)")),
        (HelpNeed.Dispute, Re($@"邻居{Clause}{{0,8}}(吵|纠纷|矛盾|扰民|噪音|漏水)")),
        (HelpNeed.Dispute, Re($@"(商家|店家|卖家|房东|店里|网店|老板){Clause}{{0,8}}(不退|不给退|不肯退|不赔|骗)")),
        (HelpNeed.Dispute, Re($@"(要|让|叫|逼)(我们|我家|我){Clause}{{0,4}}赔")),
        (HelpNeed.Dispute, Re($@"(找人|请人|想|希望|需要|帮忙|帮我|申请|求){Clause}{{0,4}}(调解|评理|调停)")),
        (HelpNeed.Dispute, Re($@"(有|遇到|发生|闹){Clause}{{0,4}}纠纷|邻里纠纷|消费纠纷")),
        (HelpNeed.Counselling, Re($@"(我|想|需要|要|希望){Clause}{{0,4}}(心理咨询|心理辅导|心理疏导|心理医生|心理老师)")),
        (HelpNeed.Counselling, Re($@"(想|要|希望|需要){Clause}{{0,4}}(找人|找个人|有人|和人|跟人){Clause}{{0,4}}(聊聊|聊天|说说|倾诉|谈谈|说话)")),
        (HelpNeed.Counselling, Re("压力(好|太|很|特别|非常|超|挺|有点)?大|焦虑|抑郁|心情(不好|很差|差)|情绪低落|睡不着|失眠")),
        (HelpNeed.Rights, Re($@"维权|侵权|权益{Clause}{{0,4}}(受到|被)|(侵犯|侵害){Clause}{{0,6}}(权|利益)")),
        (HelpNeed.Rights, Re($@"(拖欠|克扣|不发|欠){Clause}{{0,3}}(工资|工钱|薪水|薪资)")),
        (HelpNeed.Rights, Re($@"(被|遭){Clause}{{0,4}}(骗|诈骗)")),
    ];

    /// <summary>The patterns, for the router (<see cref="Conversation.Routing.Intent.Patterns"/>).</summary>
    public static IReadOnlyList<Regex> Patterns { get; } = Table.Select(t => t.Pattern).Distinct().ToList();

    /// <summary>The need <paramref name="text"/> speaks of, or <see cref="HelpNeed.None"/>.</summary>
    public static HelpNeed Read(string? text)
    {
        var s = ChineseScript.ToSimplified(text ?? "");
        foreach (var (need, pattern) in Table)
            if (pattern.IsMatch(s)) return need;
        return HelpNeed.None;
    }

    /// <summary>
    /// True when a parent writes about their child: 「我孩子…」, 「我家女儿…」, a message that starts with 孩子 or gives
    /// the child's age (「孩子12岁…」), 「我是孩子的妈妈」. A child writing 「别的孩子欺负我」 is not one.
    /// </summary>
    public static bool IsParent(string? text) => Parent().IsMatch(ChineseScript.ToSimplified(text ?? ""));

    [GeneratedRegex(@"(我|我家|我们家|俺家)的?(孩子|儿子|女儿|闺女|小孩|娃)|^\s*(孩子|儿子|女儿|闺女|小孩)|(孩子|儿子|女儿|闺女)(今年|才|刚)?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*岁|(我是|作为)[^，。]{0,4}(家长|孩子的?(妈妈|爸爸|母亲|父亲))")]
    private static partial Regex Parent();

    private static Regex Re(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
