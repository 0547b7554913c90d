namespace ChatAssistant.Staff;

/// <summary>A bad value for an account: <see cref="Exception.Message"/> for the operator's terminal, <see cref="StaffMessage"/> for the API.</summary>
public sealed class StaffInputException(string message, string staffMessage) : ArgumentException(message)
{
    /// <summary>The same in Chinese, saying what to do (answered by the staff API).</summary>
    public string StaffMessage { get; } = staffMessage;
}
