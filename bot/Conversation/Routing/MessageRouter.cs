using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Conversation.Routing;

/// <summary>Which part of the bot a new message (no flow waiting for an answer) goes to.</summary>
public enum RouteKind
{
    /// <summary>取消, 菜单, 转人工, 继续 and the ways people say them, as a whole message.</summary>
    Command,

    /// <summary>A bare number: a main-menu entry.</summary>
    MenuNumber,

    /// <summary>A request the router knows (keyword or pattern): its flow starts.</summary>
    Intent,

    /// <summary>A time from someone who can book (a bound delegate): booking starts with it.</summary>
    Time,

    /// <summary>Anything else, questions about features included: the volunteer guide answers.</summary>
    Guide,
}

/// <summary>A routing decision and why it was taken (printed by the <c>route</c> command; never logged with the text).</summary>
public sealed record Route(RouteKind Kind, string Why)
{
    /// <summary>The intent started (Intent, Time) or picked (MenuNumber).</summary>
    public Intent? Intent { get; init; }

    /// <summary>The command (Command).</summary>
    public GlobalCommand Command { get; init; }

    /// <summary>The number typed (MenuNumber).</summary>
    public int Number { get; init; }
}

/// <summary>
/// Tells a question from a command for a message that no running flow is waiting for, from the message and who sent it:
/// a command said whole, a menu number, a request the intents know (a keyword inside a question — 怎么, 什么, 吗… — is
/// left to the guide unless it asks for the user's own), a bound delegate's message that names a time and asks nothing
/// the guide answers (「周日上午九点」 → booking), and everything else to the guide, whose answer about a feature is
/// followed by the feature as an offer (<see cref="FeatureOffers"/>).
/// </summary>
public sealed class MessageRouter(IntentRouter intents, GuideLibrary guides, DateTimeReader dates, AssistantClock clock)
{
    /// <summary>The route of <paramref name="text"/> from a user of <paramref name="roles"/> on the channel <paramref name="channelId"/> (whose guide answers).</summary>
    public Route Decide(string text, UserRoles roles, string? channelId = null)
    {
        text = PinyinInitials.Expand(text); // 「wd sc」 is 我的时长
        var command = GlobalCommands.Parse(text);
        if (command != GlobalCommand.None) return new Route(RouteKind.Command, $"the whole message is the command {command}") { Command = command };

        if (Replies.Number(text) is { } number)
        {
            return intents.ByMenuNumber(number) is { } fromMenu
                ? new Route(RouteKind.MenuNumber, $"a bare number: entry {number} of the main menu ({fromMenu.Id})") { Intent = fromMenu, Number = number }
                : new Route(RouteKind.Guide, $"a number that is no menu entry ({number}): the guide");
        }

        var reading = intents.Read(text);
        if (reading.Match is { } match)
            return new Route(RouteKind.Intent, $"{match.Reason} of {match.Intent.Id}") { Intent = match.Intent };

        var time = TimeRoute(text, roles, guides.For(channelId));
        if (time?.Kind == RouteKind.Time) return time;
        if (reading.LeftToGuide is var (cue, asked))
            return new Route(RouteKind.Guide, $"a question (「{cue}」) about {asked.Id}: the guide answers, the feature is offered after");
        return time ?? new Route(RouteKind.Guide, "no command or request: the guide answers");
    }

    // Words that ask about a time rather than name one: 「12月3日的询问会几点开始」 is a question, not a booking.
    private static readonly string[] AsksWhen = ["几点", "什么时候", "啥时候", "多久", "几号", "多长时间", "when"];

    // Words that take a time back rather than offer it: 「下午那个值班不要了」 is no booking.
    private static readonly string[] TakesBack = ["取消", "不要", "不去", "去不了", "退掉", "退订", "cancel", "qx"];

    // A time from a user who can book it goes to the intent that reads times when the rest of the message asks nothing
    // the guide answers: 「12月3日14:00-16:00」 and 「大后天下午三点行吗」 are bookings; 「12月3日的询问会几点开始」 asks when,
    // 「周六上午的值班能带朋友去吗」 is a question the guide answers without the time.
    private Route? TimeRoute(string text, UserRoles roles, KnowledgeBase guide)
    {
        var reader = intents.Intents.FirstOrDefault(i => i.ReadsTimes && i.ForRole != UserRoles.None && roles.HasFlag(i.ForRole));
        if (reader is null) return null;
        var windows = dates.Read(text);
        if (windows.Count == 0) return null;
        var window = windows[0];
        var simplified = ChineseScript.ToSimplified(text).ToLowerInvariant();
        var when = Describe(window);
        if (First(simplified, AsksWhen) is { } asks) return new Route(RouteKind.Guide, $"names a time ({when}) but asks when (「{asks}」): the guide answers");
        if (First(simplified, TakesBack) is { } back) return new Route(RouteKind.Guide, $"names a time ({when}) but takes one back (「{back}」)");
        var rest = windows.Aggregate(simplified, (t, w) => w.Text.Length > 0 ? t.Replace(w.Text.ToLowerInvariant(), " ", StringComparison.Ordinal) : t);
        if (guide.Ask(rest) is GuideResult.Answer answer)
            return new Route(RouteKind.Guide, $"names a time ({when}), but the guide answers the rest (「{rest.Trim()}」 → {answer.Entry.Id})");
        return new Route(RouteKind.Time, $"a bound {reader.ForRole.ToString().ToLowerInvariant()} names a time ({when}) and the rest (「{rest.Trim()}」) asks nothing the guide answers: {reader.Id}") { Intent = reader };
    }

    private string Describe(TimeWindow window)
    {
        string At(DateTimeOffset t) => clock.ToLocal(t).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        return window.IsPoint ? At(window.Start) : $"{At(window.Start)}–{At(window.End)}";
    }

    private static string? First(string text, string[] words) => words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
}
