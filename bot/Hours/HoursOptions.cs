
namespace ChatAssistant.Hours;

/// <summary>Settings of the hours feature (section "Hours").</summary>
public sealed class HoursOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hours";

    /// <summary>爱心存折 points earned per verified volunteer hour (志愿汇 hours → 存折 points).</summary>
    public decimal PointsPerHour { get; set; } = 1m;

    /// <summary>How far the stated hours may differ from end − start before the record is flagged.</summary>
    public decimal HoursTolerance { get; set; } = 0.25m;

    /// <summary>More hours than this for one volunteer on one day is flagged.</summary>
    public decimal MaxHoursPerDay { get; set; } = 12m;

    /// <summary>The 爱心超市 catalogue (YAML). Relative paths are relative to the application folder.</summary>
    public string CatalogueFile { get; set; } = "Hours/catalogue.yaml";

    /// <summary>How many recent activities "我的时长" lists.</summary>
    public int RecentActivities { get; set; } = 5;

    /// <summary>Largest CSV a single import accepts, in lines.</summary>
    public int MaxImportLines { get; set; } = 20000;

    /// <summary>The catalogue file as an absolute path.</summary>
    public string CataloguePath => Path.IsPathRooted(CatalogueFile) ? CatalogueFile : Path.Combine(AppContext.BaseDirectory, CatalogueFile);
}
