using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>
/// Every six hours (and at start), deletes undelivered WeChat messages recorded more than
/// <see cref="WeChatOptions.UndeliveredRetentionDays"/> ago, and seals the text of rows an earlier version kept in clear.
/// </summary>
internal sealed class UndeliveredRetentionService(
    IUndeliveredRecords store, IOptions<WeChatOptions> options, TimeProvider time, ILogger<UndeliveredRetentionService> log)
    : RetentionSweep(time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override string What => "undelivered WeChat messages";

    protected override int Purge()
    {
        var deleted = store.DeleteRecordedBefore(Now.AddDays(-options.Value.UndeliveredRetentionDays));
        var sealedNow = store.SealLegacyRows();
        if (sealedNow > 0) log.LogInformation("Sealed the text of {Count} undelivered WeChat messages an earlier version kept in clear", sealedNow);
        return deleted;
    }
}
