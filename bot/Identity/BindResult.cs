namespace ChatAssistant.Identity;

/// <summary>The outcome of a binding attempt; <see cref="AttemptsLeft"/> before the lockout.</summary>
public sealed record BindResult(BindStatus Status, RosterMember? Member, int AttemptsLeft = 0);
