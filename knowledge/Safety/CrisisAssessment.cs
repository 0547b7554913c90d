namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// The crisis check's verdict on one message: the level, the category (for <see cref="CrisisLevel.Crisis"/>; a
/// check may name one too) and the signal that decided it — a lexicon entry id such as <c>lexicon:jump-from-height</c>
/// or the model's score such as <c>model:0.93</c>. Staff see the signal; the user never does.
/// </summary>
public sealed record CrisisAssessment(CrisisLevel Level, CrisisCategory? Category, string Signal, float ModelScore)
{
    public static readonly CrisisAssessment None = new(CrisisLevel.None, null, "", 0f);

    public bool IsCrisis => Level == CrisisLevel.Crisis;
}
