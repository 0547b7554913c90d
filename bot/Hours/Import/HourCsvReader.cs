using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChatAssistant.Hours.Import;

/// <summary>
/// Reads the volunteer platform's CSV export with CsvHelper: English or Chinese headers in any order,
/// every unusable line reported with its number. It checks form only; the rules come later.
/// </summary>
public static partial class HourCsvReader
{
    /// <summary>The columns, and the header names accepted for each (compared without case or spaces).</summary>
    public static readonly IReadOnlyList<(string Column, string[] Names)> Columns =
    [
        ("record_id", ["record_id", "recordid", "record id", "id", "记录编号", "记录id", "记录号"]),
        ("volunteer_id", ["volunteer_id", "volunteerid", "volunteer id", "志愿者编号", "志愿者id", "志愿者号"]),
        ("activity", ["activity", "活动", "活动名称"]),
        ("organiser", ["organiser", "organizer", "组织单位", "组织者", "发布组织"]),
        ("date", ["date", "日期", "服务日期", "活动日期"]),
        ("start", ["start", "开始时间", "开始"]),
        ("end", ["end", "结束时间", "结束"]),
        ("hours", ["hours", "时长", "服务时长", "小时数"]),
    ];

    private const int MaxText = 200;

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>Reads every line; returns the good rows and the errors (a file is usable only without errors).</summary>
    public static (List<ImportRow> Rows, List<LineError> Errors) Read(TextReader text, int maxLines)
    {
        var rows = new List<ImportRow>();
        var errors = new List<LineError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null, // a stray quote is kept as text; the field checks below still apply
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(text, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            errors.Add(new LineError(1, HoursTexts.ImportEmpty));
            return (rows, errors);
        }
        var index = MapHeader(csv.HeaderRecord, out var missing);
        if (missing.Count > 0)
        {
            errors.Add(new LineError(1, HoursTexts.ImportMissingColumns(missing)));
            return (rows, errors);
        }
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            if (rows.Count + errors.Count >= maxLines)
            {
                errors.Add(new LineError(line, HoursTexts.ImportTooLong(maxLines)));
                break;
            }
            string Field(string column) => csv.TryGetField<string>(index[column], out var v) ? v ?? "" : "";
            var problems = new List<string>();
            var row = ParseRow(line, Field, problems);
            if (problems.Count > 0) errors.Add(new LineError(line, string.Join("；", problems)));
            else rows.Add(row!);
        }
        return (rows, errors);
    }

    private static Dictionary<string, int> MapHeader(string[] header, out List<string> missing)
    {
        var normalised = header.Select(Normalise).ToArray();
        var index = new Dictionary<string, int>();
        missing = [];
        foreach (var (column, names) in Columns)
        {
            var at = Array.FindIndex(normalised, h => names.Any(n => Normalise(n) == h));
            if (at < 0) missing.Add(column);
            else index[column] = at;
        }
        return index;
    }

    private static string Normalise(string header) =>
        new string(header.Trim().TrimStart('\uFEFF').Where(c => !char.IsWhiteSpace(c) && c != '_').ToArray()).ToLowerInvariant();

    private static ImportRow? ParseRow(int line, Func<string, string> field, List<string> problems)
    {
        string Text(string column, string label)
        {
            var value = field(column);
            if (value.Length == 0) problems.Add(HoursTexts.ImportFieldEmpty(label));
            else if (value.Length > MaxText) problems.Add(HoursTexts.ImportFieldTooLong(label, MaxText));
            return value;
        }
        var recordId = Text("record_id", "记录编号");
        var volunteerId = Text("volunteer_id", "志愿者编号");
        var activity = Text("activity", "活动名称");
        var organiser = Text("organiser", "组织单位");
        var dateText = field("date");
        var date = ParseDate(dateText);
        if (date is null) problems.Add(HoursTexts.ImportBadDate(dateText));
        var start = ParseTime(field("start"));
        if (start is null) problems.Add(HoursTexts.ImportBadTime("开始时间", field("start")));
        var end = ParseTime(field("end"));
        if (end is null) problems.Add(HoursTexts.ImportBadTime("结束时间", field("end")));
        var hours = ParseHours(field("hours"));
        if (hours is null) problems.Add(HoursTexts.ImportBadHours(field("hours")));
        if (problems.Count > 0) return null;
        return new ImportRow(line, recordId, volunteerId, activity, organiser, date!.Value, start!.Value, end!.Value, hours!.Value);
    }

    internal static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>"9:00", "09:00:00" or "24:00" → minutes after midnight.</summary>
    internal static int? ParseTime(string text)
    {
        var m = TimePattern().Match(text.Trim());
        if (!m.Success) return null;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (min > 59 || h > 24 || (h == 24 && min > 0)) return null;
        return h * 60 + min;
    }

    /// <summary>"2", "2.5", "2.5小时", "2.5h" → hours; more than 24 or not positive is unusable.</summary>
    internal static decimal? ParseHours(string text)
    {
        var s = text.Trim().TrimEnd('h', 'H').Replace("小时", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= 24 ? v : null;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})[:：](?<m>\d{2})(?:[:：]\d{2})?$")]
    private static partial Regex TimePattern();
}
