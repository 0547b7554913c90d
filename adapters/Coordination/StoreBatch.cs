namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// Commands that several stores issue for one request, held and written to the store together when
/// <see cref="Send"/> is called: one socket write, which Redis reads and answers in one go. A caller gets one from
/// <see cref="IKeyValueCache.BeginBatch"/> and hands it, as an argument, to each call that may join it (a WeChat
/// message's claim, its turn's lock attempt and session read); a store on the batch's connection issues its command
/// into it, any other store sends as usual. Nothing issued into a batch may be waited for before it is sent, so the
/// caller sends it on its own path, before its first wait; once sent, calls given it go out as issued.
/// </summary>
public abstract class StoreBatch : IDisposable
{
    private int _sent;

    /// <summary>True once <see cref="Send"/> ran: commands issued after that go out on their own.</summary>
    public bool IsSent => Volatile.Read(ref _sent) == 1;

    /// <summary>Writes everything issued into the batch to the store (once; later calls do nothing).</summary>
    public void Send()
    {
        if (Interlocked.Exchange(ref _sent, 1) == 0) SendCore();
    }

    /// <summary>Sends the held commands; must not throw for an outage (each command's own task reports it).</summary>
    protected abstract void SendCore();

    /// <summary>Sends what was not sent yet.</summary>
    public void Dispose() => Send();
}
