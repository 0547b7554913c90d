namespace ChatAssistant.Staff;

/// <summary>The result of a sign-in attempt.</summary>
public sealed record SignInOutcome(SignInStatus Status, StaffAccount? Account);
