namespace ChatAssistant.Adapters;

/// <summary>
/// The first store commands of a turn, issued by <see cref="IBotPipeline.BeginTurn"/> ahead of the turn (the turn
/// lock's first attempt and the conversation state's read). Owned by whoever holds it: the adapter until it hands
/// it to the turn in a <see cref="ChannelTurnContext"/>, then the turn lock. Disposing a head no turn took undoes it
/// (a lock its attempt won is released at once instead of being held until its TTL).
/// </summary>
public abstract class TurnHead : IAsyncDisposable
{
    /// <summary>Undoes what was issued, unless the turn took it over.</summary>
    public abstract ValueTask DisposeAsync();
}
