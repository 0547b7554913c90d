namespace ChatAssistant.Adapters.WeCom;

/// <summary>
/// A WeCom template card with one button (<c>button_interaction</c>): a title, a line under it, labelled lines, and the
/// button whose press comes back as a <c>template_card_event</c> with <paramref name="ButtonKey"/>.
/// </summary>
public sealed record WeComCard(string TaskId, string Title, string Description, IReadOnlyList<KeyValuePair<string, string>> Lines, string ButtonText, string ButtonKey);
