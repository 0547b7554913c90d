using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>
/// Every six hours, deletes the transcripts of hand-offs resolved more than <see cref="EscalationOptions.RetentionDays"/>
/// ago, as the help requests' retention does for their personal fields: minors' words are kept only as long as needed.
/// </summary>
internal sealed class EscalationRetentionService(EscalationStore store, IOptions<EscalationOptions> options, TimeProvider time, ILogger<EscalationRetentionService> log)
    : RetentionSweep(time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string What => "resolved hand-offs' transcripts";

    protected override int Purge()
    {
        var now = Now;
        return store.PurgeResolvedBefore(now.AddDays(-options.Value.RetentionDays), now);
    }
}
