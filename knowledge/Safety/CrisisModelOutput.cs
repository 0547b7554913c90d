namespace ChatAssistant.Knowledge.Safety;

/// <summary>The model's probabilities, one per class in <see cref="CrisisModel.Labels"/> order.</summary>
public sealed class CrisisModelOutput
{
    public float[] Score { get; set; } = [];
}
