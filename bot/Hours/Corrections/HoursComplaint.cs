using System.Text.RegularExpressions;

namespace ChatAssistant.Hours;

/// <summary>
/// How volunteers say a record of their hours is wrong or missing: 「时长少了」, 「图书馆那次应该是4小时不是3小时」,
/// 「11月20日的时长算错了」, 「少算了2小时」, 「申请补录时长」. How hours are recorded in general (「志愿时长怎么记录」) and
/// 「我的时长怎么没有到账」 stay with the guide.
/// </summary>
public static partial class HoursComplaint
{
    /// <summary>The patterns, for the router.</summary>
    public static IReadOnlyList<Regex> Patterns { get; } =
    [
        Wrong(), Undercounted(), ShouldBe(), Amend(),
    ];

    [GeneratedRegex(@"(时长|时数|小时)[^，。,.!?！？；;]{0,6}(少了|不对|错了|算错|记错|少算|少记|漏了|漏记|没算|没有算|没记|没有记|有误|不够|不准|搞错)")]
    private static partial Regex Wrong();

    [GeneratedRegex(@"(少算|少记|漏记|漏算|少给|少录)了?[^，。,.!?！？；;]{0,6}(时长|小时|时数)")]
    private static partial Regex Undercounted();

    [GeneratedRegex(@"应该(是|有)\s*[0-9０-９.一二三四五六七八九十两半]+\s*个?(小时|钟头)|(那次|这次|上次)[^，。,.!?！？；;]{0,10}(小时|时长)[^，。,.!?！？；;]{0,4}(不对|没有|没|少)")]
    private static partial Regex ShouldBe();

    [GeneratedRegex(@"(更正|纠正|修改|补录|申诉)[^，。,.!?！？；;]{0,4}(时长|服务记录|志愿记录)|(时长|服务记录|志愿记录)[^，。,.!?！？；;]{0,4}(更正|纠正|补录|申诉)")]
    private static partial Regex Amend();
}
