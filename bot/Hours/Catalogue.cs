using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAssistant.Hours;

/// <summary>The 爱心超市 catalogue as staff wrote it in the content file.</summary>
public sealed record Catalogue(IReadOnlyList<CatalogueItem> Items, PickupInfo Pickup, bool IsExample)
{
    public static readonly Catalogue Empty = new([], new PickupInfo("", "", "", ""), false);

    public CatalogueItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>Items grouped by point tier, cheapest tier first, in file order within a tier.</summary>
    public IReadOnlyList<IGrouping<int, CatalogueItem>> Tiers() => Items.GroupBy(i => i.Points).OrderBy(g => g.Key).ToList();

    /// <summary>
    /// Parses and checks catalogue YAML. Throws <see cref="FormatException"/> naming every problem, so staff
    /// can fix the file in one go.
    /// </summary>
    public static Catalogue Parse(string yaml)
    {
        CatalogueFile file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            file = deserializer.Deserialize<CatalogueFile?>(yaml) ?? new CatalogueFile();
        }
        catch (YamlException e)
        {
            throw new FormatException($"YAML 格式错误（第 {e.Start.Line} 行）：{e.InnerException?.Message ?? e.Message}", e);
        }

        var problems = new List<string>();
        var items = new List<CatalogueItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Items.Count; i++)
        {
            var it = file.Items[i];
            var label = $"第 {i + 1} 个物品";
            if (string.IsNullOrWhiteSpace(it.Id)) problems.Add($"{label}缺少 id");
            else if (!ids.Add(it.Id.Trim())) problems.Add($"{label}的 id「{it.Id}」重复");
            if (string.IsNullOrWhiteSpace(it.Name)) problems.Add($"{label}缺少 name");
            if (string.IsNullOrWhiteSpace(it.Category)) problems.Add($"{label}缺少 category");
            if (it.Points is null or <= 0) problems.Add($"{label}的 points 必须是正整数");
            if (problems.Count == 0)
                items.Add(new CatalogueItem(it.Id!.Trim(), it.Name!.Trim(), it.Category!.Trim(), it.Points!.Value, string.IsNullOrWhiteSpace(it.Note) ? null : it.Note.Trim()));
        }
        if (items.Count == 0 && problems.Count == 0) problems.Add("items 里没有任何物品");
        var p = file.Pickup;
        if (p is null || string.IsNullOrWhiteSpace(p.Place)) problems.Add("pickup.place（领取地点）不能为空");
        if (problems.Count > 0) throw new FormatException(string.Join("；", problems));
        return new Catalogue(items, new PickupInfo(p!.Place!.Trim(), p.Address?.Trim() ?? "", p.OpeningHours?.Trim() ?? "", p.Instructions?.Trim() ?? ""), file.Example);
    }

    // The file's shape; everything optional so that Parse can name what is missing.
    private sealed class CatalogueFile
    {
        public bool Example { get; set; }

        public PickupFile? Pickup { get; set; }

        public List<ItemFile> Items { get; set; } = [];
    }

    private sealed class PickupFile
    {
        public string? Place { get; set; }

        public string? Address { get; set; }

        public string? OpeningHours { get; set; }

        public string? Instructions { get; set; }
    }

    private sealed class ItemFile
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Category { get; set; }

        public int? Points { get; set; }

        public string? Note { get; set; }
    }
}
