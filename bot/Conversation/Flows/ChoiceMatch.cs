namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// How an answer to a numbered list was read (<see cref="ChoiceMatcher"/>): the option it picks (0-based), or the
/// options it fits equally well, or none.
/// </summary>
public sealed record ChoiceMatch(int? Picked, IReadOnlyList<int> Candidates)
{
    public static ChoiceMatch None { get; } = new(null, []);

    public static ChoiceMatch Pick(int index) => new(index, [index]);

    /// <summary>Several options fit; one of them is picked only when there is exactly one.</summary>
    public static ChoiceMatch Among(IReadOnlyList<int> candidates) =>
        candidates.Count == 1 ? Pick(candidates[0]) : new(null, candidates);

    /// <summary>More than one option fits: the user is shown which.</summary>
    public bool IsAmbiguous => Picked is null && Candidates.Count > 1;
}
