using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;

namespace ChatAssistant.Conversation;

/// <summary>
/// A turn's head as <see cref="TurnLockMiddleware.Begin"/> issues it: the attempt on the conversation's turn lock
/// (<see cref="TurnLockKey"/>) with the state read behind it. Disposing it abandons an attempt no turn completed.
/// </summary>
public sealed class TurnLockHead(string resource, LockAttempt<StateReadAhead?> attempt) : TurnHead
{
    /// <summary>The lock the attempt is on.</summary>
    public string Resource { get; } = resource;

    /// <summary>The lock attempt and the read, completed by the turn that takes this head.</summary>
    public LockAttempt<StateReadAhead?> Attempt { get; } = attempt;

    public override ValueTask DisposeAsync() => Attempt.DisposeAsync();
}
