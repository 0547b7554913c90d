using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>Deletes the personal fields of help requests finished more than <see cref="DisputeOptions.RetentionDays"/> ago.</summary>
internal sealed class TicketRetentionService(TicketService tickets, IOptions<DisputeOptions> options, TimeProvider time, ILogger<TicketRetentionService> log)
    : RetentionSweep(time, log)
{
    protected override TimeSpan Interval => options.Value.RetentionSweepInterval;

    protected override string What => "help requests' personal fields";

    protected override int Purge() => tickets.PurgeExpired();
}
