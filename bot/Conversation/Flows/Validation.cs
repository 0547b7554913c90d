namespace ChatAssistant.Conversation.Flows;

/// <summary>The result of checking an answer: the value to store, or what to tell the user.</summary>
public readonly record struct Validation(bool Ok, string Value, string Error)
{
    public static Validation Accept(string value) => new(true, value, "");

    public static Validation Reject(string error) => new(false, "", error);
}
