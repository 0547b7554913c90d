using System.Globalization;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Alerts;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary>
/// The limit on wrong binding codes from all users together (<see cref="IdentityOptions.MaxWrongCodesPerHour"/>
/// per clock hour in the assistant's zone): the per-OpenID lock-out does nothing against someone guessing from
/// many OpenIDs. Once the hour's count reaches the limit, binding pauses until the hour ends, and one audit row and
/// one admin alert are written. The count lives in <see cref="IKeyValueCache"/>: in Redis when configured, so every
/// instance counts into one number and exactly one of them alerts; in-process otherwise.
/// </summary>
public sealed class WrongCodeLimit(IKeyValueCache cache, AssistantClock clock, IOptions<IdentityOptions> options, AuditLog audit, AdminAlerts alerts, ILogger<WrongCodeLimit> log)
{
    /// <summary>The audit action (and alert kind) of a pause.</summary>
    public const string PausedAction = "identity.binding.paused";

    /// <summary>The audit log's actor and subject of a pause.</summary>
    public const string Actor = "system:identity";
    public const string Subject = "identity:binding";

    // Longer than the hour the key counts: the next hour has a key of its own.
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(2);

    /// <summary>True while this hour's wrong codes have reached the limit.</summary>
    public async Task<bool> IsPausedAsync(CancellationToken cancellationToken)
    {
        var count = await cache.GetAsync(Key(HourOf(clock.Now)), cancellationToken).ConfigureAwait(false);
        return count is not null && CountedValue.Parse(count) >= options.Value.MaxWrongCodesPerHour;
    }

    /// <summary>Counts one wrong code; the one that reaches the limit starts the pause, audits it and alerts admins.</summary>
    public async Task CountAsync(CancellationToken cancellationToken)
    {
        var hour = HourOf(clock.Now);
        var key = Key(hour);
        var limit = options.Value.MaxWrongCodesPerHour;
        await cache.AddIfAbsentAsync(key, "0", KeyLifetime, cancellationToken).ConfigureAwait(false);
        // Atomic across instances; false: the limit was reached already (the pause is on and was announced).
        if (await cache.TryTakeAsync(key, limit, cancellationToken).ConfigureAwait(false) != true) return;
        if (CountedValue.Parse(await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) ?? "") < limit) return;
        // Whoever reads the limit first claims the announcement: one audit row and one alert per pause, whatever the instances.
        if (!await cache.AddIfAbsentAsync(key + ":announced", "1", KeyLifetime, cancellationToken).ConfigureAwait(false)) return;

        var until = hour.AddHours(1);
        log.LogWarning("Binding paused until {ResumesAt:HH:mm}: {Limit} wrong binding codes this hour from all users", until, limit);
        audit.Record(Actor, PausedAction, Subject,
            $"{limit} wrong codes {hour:yyyy-MM-dd HH:mm}–{until:HH:mm} (all users); binding paused until {until:HH:mm}");
        await alerts.RaiseAsync(PausedAction, IdentityTexts.PausedAlert(limit, hour, until), until, cancellationToken).ConfigureAwait(false);
    }

    // The clock hour in the assistant's zone (Beijing time): the pause ends on the hour, as staff would tell people.
    private static DateTimeOffset HourOf(DateTimeOffset local) => new(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);

    private static string Key(DateTimeOffset hour) => "identity:wrong-codes:" + hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
