using System.Text.Json;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.Web;
using ChatAssistant.Security;
using Microsoft.Extensions.Options;

namespace ChatAssistant.WebChat;

/// <summary>
/// Messages for a web chat visitor sent outside their turns (a staff member's reply, a reminder), kept until the page
/// fetches them. They live in the session store (<see cref="IKeyValueCache"/>: Redis when configured, so any instance
/// can take a reply another instance stored), sealed with the field key bound to the visitor, for
/// <see cref="WebChatOptions.InboxRetention"/>. A short lock per visitor keeps two writers from losing a message.
/// </summary>
public sealed class WebChatInbox(IKeyValueCache cache, IDistributedLock locks, FieldCipher cipher, IOptions<WebChatOptions> options) : IChannelMessenger
{
    /// <summary>Messages kept per visitor; older ones give way.</summary>
    public const int Capacity = 50;

    private static readonly TimeSpan LockTtl = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    public string ChannelId => WebChatAdapter.ChannelId;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var held = await locks.TryAcquireAsync(LockKey(message.UserId), LockTtl, LockWait, cancellationToken).ConfigureAwait(false);
        if (held is null) return DeliveryResult.Failed("busy", "网页对话的消息箱正忙，请稍后重发");
        var kept = await ReadAsync(message.UserId, cancellationToken).ConfigureAwait(false);
        kept.Add(message.Text);
        if (kept.Count > Capacity) kept.RemoveRange(0, kept.Count - Capacity);
        await WriteAsync(message.UserId, kept, cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Ok();
    }

    /// <summary>Takes the visitor's waiting messages, oldest first (they are gone from the inbox afterwards).</summary>
    public async Task<IReadOnlyList<string>> TakeAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        if (await cache.GetAsync(Key(visitorId), cancellationToken).ConfigureAwait(false) is null) return [];
        await using var held = await locks.TryAcquireAsync(LockKey(visitorId), LockTtl, LockWait, cancellationToken).ConfigureAwait(false);
        if (held is null) return []; // a writer holds it: the next poll takes both
        var kept = await ReadAsync(visitorId, cancellationToken).ConfigureAwait(false);
        if (kept.Count > 0) await cache.RemoveAsync(Key(visitorId), cancellationToken).ConfigureAwait(false);
        return kept;
    }

    private async Task<List<string>> ReadAsync(string visitorId, CancellationToken ct)
    {
        var stored = await cache.GetAsync(Key(visitorId), ct).ConfigureAwait(false);
        if (stored is null || !cipher.TryUnprotect(stored, Binding(visitorId), out var json)) return [];
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    private Task WriteAsync(string visitorId, List<string> messages, CancellationToken ct) =>
        cache.SetAsync(Key(visitorId), cipher.Protect(JsonSerializer.Serialize(messages), Binding(visitorId)), options.Value.InboxRetention, ct);

    private static string Key(string visitorId) => "webchat:inbox:" + visitorId;

    private static string LockKey(string visitorId) => "webchat:inbox-lock:" + visitorId;

    private static FieldBinding Binding(string visitorId) => new("webchat.inbox", visitorId);
}
