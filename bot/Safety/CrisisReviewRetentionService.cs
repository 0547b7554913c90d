using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Safety;

/// <summary>Deletes crisis reviews (and the messages they hold) <c>Safety:ReviewRetentionDays</c> after they were made.</summary>
public sealed class CrisisReviewRetentionService(CrisisReviewStore reviews, IOptions<SafetyOptions> options, TimeProvider time, ILogger<CrisisReviewRetentionService> log)
    : RetentionSweep(time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string What => "crisis reviews";

    protected override int Purge() => reviews.DeleteBefore(Now - TimeSpan.FromDays(options.Value.ReviewRetentionDays));
}
