using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAssistant.Conversation.Routing;

/// <summary>A routing case of the evaluation file: a message, who sends it, and where it must go.</summary>
public sealed record RoutingCase(string Text, string Who, string Expect, bool IsDev)
{
    /// <summary>The roles of <see cref="Who"/> (delegate, volunteer, unbound).</summary>
    public UserRoles Roles => Who switch
    {
        "delegate" => UserRoles.Delegate,
        "volunteer" => UserRoles.Volunteer,
        _ => UserRoles.None,
    };

    /// <summary>Whether <paramref name="route"/> goes where the case expects.</summary>
    public bool IsMetBy(Route route) => Expect switch
    {
        "human" => route.Command == GlobalCommand.Human || route.Intent?.Id == "handoff",
        _ => route.Intent is { } intent && Expected.TryGetValue(Expect, out var ids) && ids.Contains(intent.Id) && route.Kind is RouteKind.Intent or RouteKind.Time,
    };

    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["book"] = ["booking.book"],
        ["my-duties"] = ["booking.mine"],
        ["cancel-duty"] = ["booking.cancel"],
        ["my-hours"] = ["hours.mine"],
        ["my-points"] = ["hours.points"],
        ["redeem"] = ["hours.redeem"],
        ["help-request"] = ["disputes.request", "disputes.need"],
    };
}

/// <summary>
/// The <c>routing:</c> cases of an evaluation file (knowledge/eval/guide-independent.yaml): even positions are the
/// development half, odd ones held out, as for the guide's questions.
/// </summary>
public static class RoutingCases
{
    public static IReadOnlyList<RoutingCase> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var file = deserializer.Deserialize<File>(System.IO.File.ReadAllText(path)) ?? new File();
        return file.Routing.Select((c, i) => new RoutingCase(c.Q, c.Who, c.Expect, i % 2 == 0)).ToList();
    }

    private sealed class File
    {
        public List<Item> Routing { get; set; } = [];
    }

    private sealed class Item
    {
        public string Q { get; set; } = "";

        public string Who { get; set; } = "";

        public string Expect { get; set; } = "";
    }
}
