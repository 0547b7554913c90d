namespace ChatAssistant.Adapters.Coordination;

/// <summary><see cref="IClusterSignals"/> of an instance that is alone (embedded sessions): nobody to tell.</summary>
public sealed class SingleInstanceSignals : IClusterSignals
{
    public void Broadcast(string topic, string payload)
    {
    }

    public void Subscribe(string topic, Action<string> handler)
    {
    }
}
