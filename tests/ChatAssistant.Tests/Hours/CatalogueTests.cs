using ChatAssistant.Hours;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Hours;

public sealed class CatalogueTests
{
    [Fact]
    public void The_shipped_example_catalogue_has_the_seven_Shengzhou_tiers_and_seven_categories()
    {
        var path = Path.Combine(AppContext.BaseDirectory, new HoursOptions().CatalogueFile);
        var catalogue = Catalogue.Parse(File.ReadAllText(path));
        Assert.Equal([5, 10, 30, 50, 100, 180, 300], catalogue.Tiers().Select(t => t.Key));
        Assert.Equal(7, catalogue.Items.Select(i => i.Category).Distinct().Count());
        Assert.True(catalogue.IsExample);
        Assert.Contains("市志愿服务指导中心", catalogue.Pickup.Place);
    }

    [Fact]
    public void A_broken_catalogue_names_every_problem()
    {
        var e = Assert.Throws<FormatException>(() => Catalogue.Parse("""
            items:
              - { id: A, name: 袋子, category: 生活用品, points: 0 }
              - { id: A, name: 杯子, category: 生活用品, points: 5 }
              - { name: 笔, category: 文具, points: 5 }
            """));
        Assert.Contains("第 1 个物品的 points 必须是正整数", e.Message);
        Assert.Contains("第 2 个物品的 id「A」重复", e.Message);
        Assert.Contains("第 3 个物品缺少 id", e.Message);
        Assert.Contains("pickup.place", e.Message);
    }

    [Fact]
    public void A_saved_edit_is_served_and_a_broken_edit_keeps_the_last_good_catalogue()
    {
        using var dir = new TempDirectory("ca-catalogue");
        var path = dir.File("catalogue.yaml");
        File.WriteAllText(path, HoursKit.TestCatalogue);
        var provider = new CatalogueProvider(Options.Create(new HoursOptions { CatalogueFile = path }), NullLogger<CatalogueProvider>.Instance);
        Assert.Equal(4, provider.Current.Items.Count);

        File.WriteAllText(path, HoursKit.TestCatalogue + "\n  - { id: T50, name: 台灯, category: 生活用品, points: 50 }\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(5, provider.Current.Items.Count);

        File.WriteAllText(path, "items: [ {");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
        Assert.Equal(5, provider.Current.Items.Count);
        Assert.Null(CatalogueProvider.Check(Path.Combine(AppContext.BaseDirectory, new HoursOptions().CatalogueFile)));
        Assert.NotNull(CatalogueProvider.Check(path));
    }
}
