using ChatAssistant.Adapters.Coordination;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>What <see cref="WeChatAdmission"/> decided for one verified message.</summary>
internal abstract record Admission
{
    /// <summary>Not taken: answered with <paramref name="Status"/> and no body (403 a replay, 400 a message that does not map).</summary>
    public sealed record Refused(int Status, string Reason) : Admission;

    /// <summary>Taken without a turn and answered with <paramref name="Text"/> as the passive reply (null: <c>success</c>).</summary>
    public sealed record Answered(string? Text) : Admission;

    /// <summary>WeChat's retry of a message already taken: never a second turn; answered with the first try's reply.</summary>
    public sealed record Retry(CacheKey ReplyKey) : Admission;

    /// <summary>Taken for a turn, which owns <paramref name="Head"/> (its lock attempt and state read, sent with the claim).</summary>
    public sealed record Admitted(InboundAction.RunTurn Turn, TurnHead? Head) : Admission;
}
