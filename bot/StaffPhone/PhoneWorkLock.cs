using ChatAssistant.Adapters.Coordination;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// The phone side's work on one escalation (its alert chain's next step, the acknowledgement of its cards, the bridge's
/// forwarding of its lines) takes turns on every instance: each instance runs its own queue, and with several of them a
/// change published on one and the sweep on another would both send the same step, update the same card or forward the
/// same lines. Each piece of work reads what was sent again once it holds the lock (Redis with <c>Redis:Configuration</c>,
/// in memory otherwise).
/// </summary>
public sealed class PhoneWorkLock(IDistributedLock locks, ILogger<PhoneWorkLock> log)
{
    // Longer than a card's send and update together (the WeCom client's timeouts); a crashed holder blocks no longer.
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="work"/> holding the lock of <paramref name="escalationId"/>; false (logged) when it could not be had in time.</summary>
    public async Task<bool> RunAsync(string escalationId, Func<Task> work, CancellationToken ct)
    {
        await using var held = await locks.TryAcquireAsync("phone:" + escalationId, Ttl, Wait, ct).ConfigureAwait(false);
        if (held is null)
        {
            log.LogWarning("Escalation {EscalationId}: phone work skipped, another instance held it for {Wait}; the next change or sweep tries again", escalationId, Wait);
            return false;
        }
        await work().ConfigureAwait(false);
        return true;
    }
}
