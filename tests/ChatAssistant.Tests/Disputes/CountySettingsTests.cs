using ChatAssistant.Disputes;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Disputes;

/// <summary>The county settings: by city or the earlier flat list, checked at start-up naming the setting; typed names.</summary>
public sealed class CountySettingsTests
{
    [Theory]
    [InlineData("天台", "天台县")]
    [InlineData("天台县", "天台县")]
    [InlineData("我在天台", "天台县")]
    [InlineData("台州天台", "天台县")]
    [InlineData("临海市的", "临海市")]
    [InlineData("其他", DisputeTexts.OtherArea)]
    [InlineData("其他地区", DisputeTexts.OtherArea)]
    [InlineData("外地", DisputeTexts.OtherArea)]
    [InlineData("台州", null)]
    [InlineData("天台和临海", null)]
    [InlineData("婺城", "婺城区")]
    public void A_typed_place_finds_its_county(string typed, string? county)
    {
        var areas = new DisputeOptions { Cities = new() { ["台州市"] = ["天台县", "临海市"], ["金华市"] = ["婺城区"] } }.BuildAreas();
        Assert.Equal(county, areas.Find(typed)?.Label);
    }

    [Fact]
    public void The_counties_are_data_a_list_matcher_can_use_a_label_and_its_short_names()
    {
        var areas = new DisputeOptions { Cities = new() { ["台州市"] = ["天台县"] } }.BuildAreas();
        Assert.Equal([new("天台县", "台州市", ["天台"])], areas.Groups.Single().Counties, new OptionComparer());
        Assert.True(areas.Options[^1].Unassigned);
        Assert.Equal(DisputeTexts.OtherArea, areas.Options[^1].Label);
    }

    [Fact]
    public void The_earlier_flat_setting_still_gives_the_list_without_cities()
    {
        var areas = new DisputeOptions { Counties = ["婺城区", "金东区", "其他地区"] }.BuildAreas();
        var group = Assert.Single(areas.Groups);
        Assert.Null(group.City);
        Assert.Equal(["婺城区", "金东区", DisputeTexts.OtherArea], areas.Options.Select(o => o.Label));
        Assert.Equal("金东区", areas.Find("金东")?.Label);
    }

    [Theory]
    [InlineData("Disputes:Cities:台州市:1", "天台县", "Disputes:Cities:台州市:1")]
    [InlineData("Disputes:Counties:0", "婺城区", "Disputes:Counties")]
    [InlineData("Disputes:Cities:台州市:1", " ", "Disputes:Cities:台州市:1")]
    public async Task A_bad_county_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(new Dictionary<string, string?>
        {
            ["Disputes:Cities:台州市:0"] = "天台县",
            [key] = value,
        }));
        Assert.Contains(named, error.Message);
    }

    private sealed class OptionComparer : IEqualityComparer<CountyOption>
    {
        public bool Equals(CountyOption? x, CountyOption? y) =>
            x is not null && y is not null && x.Label == y.Label && x.City == y.City && x.ShortNames.SequenceEqual(y.ShortNames) && x.Unassigned == y.Unassigned;

        public int GetHashCode(CountyOption obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
