using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Feedback;

/// <summary>Deletes suggestions older than <see cref="FeedbackOptions.RetentionDays"/>, once a day.</summary>
internal sealed class FeedbackRetentionService(IFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackRetentionService> log)
    : RetentionSweep(time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override string What => "suggestions";

    protected override int Purge() => store.DeleteBefore(Now.AddDays(-options.Value.RetentionDays));
}
