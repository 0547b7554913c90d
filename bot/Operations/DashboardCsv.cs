using System.Globalization;
using System.Text;

namespace ChatAssistant.Operations;

/// <summary>Each chart's numbers as CSV (UTF-8 with a BOM, so Excel opens the Chinese headers right).</summary>
public static class DashboardCsv
{
    /// <summary>The charts, by the name the API and the page use.</summary>
    public static readonly IReadOnlyList<string> Charts = ["messages", "answers", "unanswered", "handoffs", "tickets-category", "tickets-county", "duty", "hours"];

    /// <summary>The rows of <paramref name="chart"/> (header first), or null for an unknown chart.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? Rows(Dashboard d, string chart)
    {
        static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        return chart switch
        {
            "messages" => [["日期", "消息数"], .. d.MessagesPerDay.Select(r => (IReadOnlyList<string>)[r.Day, N(r.Messages)])],
            "answers" => [["回答方式", "条数"], ["直接答上", N(d.Answers.Answered)], ["请用户选择", N(d.Answers.Clarified)], ["不太确定", N(d.Answers.NotSure)],
                ["寒暄", N(d.Answers.SmallTalk)], ["功能办理", N(d.Answers.Flow)]],
            "unanswered" => [["最接近的条目", "未答上次数"], .. d.TopUnanswered.Select(r => (IReadOnlyList<string>)[r.Name, N(r.Count)])],
            "handoffs" => [["项目", "数量"], ["期间新转人工", N(d.Handoffs.Opened)], ["时限内接手", N(d.Handoffs.AcknowledgedInTime)],
                ["正在等待", N(d.Handoffs.WaitingNow)], ["等待已超时", N(d.Handoffs.OverdueNow)]],
            "tickets-category" => [["类别", "求助数"], .. d.TicketsByCategory.Select(r => (IReadOnlyList<string>)[r.Name, N(r.Count)])],
            "tickets-county" => [["区县", "求助数"], .. d.TicketsByCounty.Select(r => (IReadOnlyList<string>)[r.Name, N(r.Count)])],
            "duty" => [["区县", "团代表人数", "应值班次数", "已出勤次数", "已达标人数"],
                .. d.Duty.Select(r => (IReadOnlyList<string>)[r.County, N(r.Delegates), N(r.Required), N(r.Attended), N(r.Met)])],
            "hours" => [["区县", "导入时长（小时）", "兑换积分"], .. d.Hours.Select(r => (IReadOnlyList<string>)[r.County, N(r.HoursImported), N(r.PointsRedeemed)])],
            _ => null,
        };
    }

    /// <summary>The CSV file's bytes: a BOM, then the rows, quoted where needed, CRLF line ends.</summary>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // A value a spreadsheet would take for a formula is prefixed with an apostrophe (a guide title staff wrote could start so).
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
