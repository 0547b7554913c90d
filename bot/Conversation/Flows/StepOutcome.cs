namespace ChatAssistant.Conversation.Flows;

public enum StepOutcome
{
    Next,
    GoTo,
    Retry,
    Wait,
    End,
    Switch,
    Reroute,
}
