namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// Where the model's crisis probability turns a message into a crisis or a gentle check when the lexicon found
/// nothing. Calibrated on the development half of the evaluation set (<c>crisis eval --calibrate</c>) and kept in
/// the lexicon file (<c>model_thresholds</c>), never on the held-out half.
/// </summary>
public sealed record CrisisThresholds(float Crisis, float Check)
{
    public static readonly CrisisThresholds Default = new(0.8f, 0.5f);
}
