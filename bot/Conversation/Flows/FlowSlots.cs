namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// The slots every flow may find, set by whoever starts it. A flow's own slots are constants of the flow (its nested
/// <c>Slots</c> class), each named after the step that asks for it; nothing outside the flow reads them by name — a
/// feature that needs an answer of another's flow asks that feature (e.g. Disputes' <c>CountyStep.ChosenIn</c>).
/// </summary>
public static class FlowSlots
{
    /// <summary>The message that started the flow (an intent's match): a flow may read what it asks for from it.</summary>
    public const string Utterance = "utterance";
}
