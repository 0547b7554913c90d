using Microsoft.Bot.Schema;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>What the adapter does with one incoming WeChat message.</summary>
internal abstract record InboundAction
{
    /// <summary>
    /// Run a bot turn for <paramref name="Activity"/>; <paramref name="DedupeId"/> identifies WeChat's retries of it, and
    /// <paramref name="KeySecond"/> groups its short-lived keys (<see cref="WeChatKeys.MessageSecond"/>).
    /// </summary>
    public sealed record RunTurn(Activity Activity, string DedupeId, bool FromUserMessage, string? KeySecond = null) : InboundAction
    {
        public Coordination.CacheKey DedupeKey => WeChatKeys.Dedupe(DedupeId, KeySecond);
        public Coordination.CacheKey ReplyKey => WeChatKeys.Reply(DedupeId, KeySecond);
    }

    /// <summary>Answer directly without a turn (e.g. voice without transcription).</summary>
    public sealed record Reply(string Text) : InboundAction;

    /// <summary>Acknowledge quietly (LOCATION reports, VIEW, unknown types).</summary>
    public sealed record Ignore : InboundAction;
}
