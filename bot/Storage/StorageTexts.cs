namespace ChatAssistant.Storage;

/// <summary>What the user reads when the session store fails.</summary>
public static class StorageTexts
{
    /// <summary>Answer to a turn that failed because Redis (or another shared store) is down or slow.</summary>
    public const string Busy = "系统繁忙，请稍后再试。";
}
