using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatAssistant.Adapters.Telemetry;

/// <summary>
/// The assistant's own metrics and spans, in one place: one <see cref="Meter"/> and one <see cref="ActivitySource"/>,
/// both named <see cref="Name"/>. Every tag is a code (an account name, a kind, an error code), never a user's text, OpenID
/// or name. Nothing listens unless the host turned telemetry on (<c>OpenTelemetry:Enabled</c>); then each call is an
/// add to a counter, and a span is made only while a trace is being recorded (docs/OPERATIONS.md).
/// </summary>
public static class AssistantTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ChatAssistant";

    /// <summary>Spans of the assistant's own work: intake, turn, records.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Every instrument below.</summary>
    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>("chatassistant.messages", "{message}", "Messages that ran a turn, by account and channel");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("chatassistant.turn.duration", "s", "How long a turn took, from its start to its last reply",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8] });
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("chatassistant.answers", "{answer}", "Answers by kind: answered, clarified, not_sure, small_talk, flow");
    private static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("chatassistant.handoffs", "{handoff}", "Hand-offs opened, acknowledged, overdue");
    private static readonly Counter<long> Alerts = Meter.CreateCounter<long>("chatassistant.alerts", "{alert}", "Admin alerts sent, by kind");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("chatassistant.bookings", "{booking}", "Duty bookings made and cancelled");
    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("chatassistant.checkins", "{checkin}", "Duty check-ins, by kind");
    private static readonly Counter<long> Imports = Meter.CreateCounter<long>("chatassistant.imports", "{import}", "Imports (hours, rosters), by kind");
    private static readonly Counter<long> Redemptions = Meter.CreateCounter<long>("chatassistant.redemptions", "{redemption}", "爱心超市 redemptions");
    private static readonly Counter<long> Undelivered = Meter.CreateCounter<long>("chatassistant.undelivered", "{message}", "Messages WeChat refused to deliver, by its error code");
    private static readonly Counter<long> StoreFailures = Meter.CreateCounter<long>("chatassistant.store.failures", "{failure}", "Redis and records failures met by a message");

    /// <summary>Answer kinds (<see cref="Answer"/>).</summary>
    public static class Kinds
    {
        public const string Answered = "answered";
        public const string Clarified = "clarified";
        public const string NotSure = "not_sure";
        public const string SmallTalk = "small_talk";
        public const string Flow = "flow";
    }

    /// <summary>A message (or menu tap, follow, scan) of <paramref name="account"/> on <paramref name="channel"/> ran a turn.</summary>
    public static void Message(string account, string channel) =>
        Messages.Add(1, new KeyValuePair<string, object?>("account", account), new KeyValuePair<string, object?>("channel", channel));

    /// <summary>A turn on <paramref name="channel"/> took <paramref name="elapsed"/>.</summary>
    public static void Turn(string channel, TimeSpan elapsed) =>
        TurnDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>The bot answered with <paramref name="kind"/> (one of <see cref="Kinds"/>).</summary>
    public static void Answer(string kind) => Answers.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A hand-off was <c>opened</c>, <c>acknowledged</c> or found <c>overdue</c>.</summary>
    public static void Handoff(string what) => Handoffs.Add(1, new KeyValuePair<string, object?>("event", what));

    /// <summary>An admin alert of <paramref name="kind"/> went out.</summary>
    public static void AlertSent(string kind) => Alerts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A duty booking was <c>booked</c> or <c>cancelled</c>.</summary>
    public static void Booking(string what) => Bookings.Add(1, new KeyValuePair<string, object?>("event", what));

    /// <summary>A delegate checked in (<c>door</c>, <c>self_reported</c>, <c>confirmed</c>).</summary>
    public static void CheckIn(string kind) => CheckIns.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>An import of <paramref name="kind"/> (<c>hours</c>, <c>roster</c>) was taken.</summary>
    public static void Import(string kind) => Imports.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Points were redeemed at the 爱心超市.</summary>
    public static void Redemption() => Redemptions.Add(1);

    /// <summary>WeChat refused a message with <paramref name="code"/> (its <c>errcode</c>, or a word for a failure without one).</summary>
    public static void UndeliveredMessage(string code) => Undelivered.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>A message met an outage of <paramref name="store"/> (<c>redis</c>, <c>records</c>).</summary>
    public static void StoreFailure(string store) => StoreFailures.Add(1, new KeyValuePair<string, object?>("store", store));

    /// <summary>A span of the assistant's own work named <paramref name="name"/>; null when nobody records it.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    /// <summary>A span around a records (LiteDB) operation: <c>records {operation} {collection}</c>.</summary>
    public static Activity? Records(string operation, string collection)
    {
        if (!Source.HasListeners()) return null;
        var span = Source.StartActivity("records " + operation, ActivityKind.Client);
        span?.SetTag("db.system", "litedb");
        span?.SetTag("db.operation.name", operation);
        span?.SetTag("db.collection.name", collection);
        return span;
    }
}
