namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// Tells the other instances of the deployment that something changed (a console event, a guide reload, a cache to
/// drop). A signal is a hint, not a record: it is delivered to the instances listening at that moment, at most
/// once, and lost while the transport is down, so a receiver must only refresh or notify, never hold the only copy
/// of a change. The sender handles its own change itself: <see cref="Broadcast"/> never calls this instance's handlers.
/// Redis pub/sub when Redis is configured; with one embedded instance there is nobody else and nothing is sent.
/// </summary>
public interface IClusterSignals
{
    /// <summary>Sends <paramref name="payload"/> on <paramref name="topic"/> to every other instance, without waiting.</summary>
    void Broadcast(string topic, string payload);

    /// <summary>Calls <paramref name="handler"/> with each payload another instance broadcasts on <paramref name="topic"/>.</summary>
    void Subscribe(string topic, Action<string> handler);
}
