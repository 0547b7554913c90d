using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChatAssistant.Identity;

/// <summary>Reads a roster CSV (id,name,district,phone — Chinese headers accepted) and reports every bad line.</summary>
public static class RosterCsv
{
    private static readonly string[][] Columns =
    [
        ["id", "编号", "代表编号", "志愿者编号", "member_id"],
        ["name", "姓名"],
        ["district", "区县", "选区", "所属区县"],
        ["phone", "手机", "电话", "手机号"],
    ];

    public static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<LineError> Errors) Read(TextReader reader)
    {
        var rows = new List<RosterRow>();
        var errors = new List<LineError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            return (rows, [new LineError(1, "文件是空的，第一行应为表头：id,name,district,phone")]);
        var index = Columns.Select(names => Array.FindIndex(csv.HeaderRecord, h => names.Contains(h.Trim().TrimStart('\uFEFF'), StringComparer.OrdinalIgnoreCase))).ToArray();
        if (index[0] < 0 || index[1] < 0 || index[2] < 0)
            return (rows, [new LineError(1, "表头缺少必填列：id（编号）、name（姓名）、district（区县）")]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Field(int i) => i >= 0 && i < csv.Parser.Count ? (csv.GetField(i) ?? "").Trim() : "";
            var id = Field(index[0]);
            var name = Field(index[1]);
            var district = Field(index[2]);
            var written = Field(index[3]);
            var phone = Phones.MobileNumber.Normalize(written) ?? written; // 「+86 138-0000-0022」 is stored as 13800000022
            if (id.Length == 0 && name.Length == 0 && district.Length == 0) continue; // blank line
            var problems = new List<string>();
            if (id.Length is 0 or > 40) problems.Add("编号为空或超过 40 个字符");
            else if (!seen.Add(id)) problems.Add($"编号 {id} 在文件中重复");
            if (name.Length is 0 or > 40) problems.Add("姓名为空或超过 40 个字符");
            if (district.Length is 0 or > 40) problems.Add("区县为空或超过 40 个字符");
            if (phone.Length > 0 && Phones.MobileNumber.Normalize(phone) is null) problems.Add("手机号应为 11 位中国大陆手机号（可带 +86、空格或短横线）");
            if (problems.Count > 0) errors.Add(new LineError(line, string.Join("；", problems)));
            else rows.Add(new RosterRow(line, id, name, district, phone.Length == 0 ? null : phone));
        }
        return (rows, errors);
    }
}
