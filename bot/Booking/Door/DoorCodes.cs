using System.Globalization;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking.Door;

/// <summary>
/// The code a studio's door screen shows: a temporary WeChat QR code for a fresh <see cref="DoorNonces"/> nonce,
/// renewed every <see cref="BookingOptions.DoorCodeRenewal"/>. The current code is kept in the shared
/// <see cref="IKeyValueCache"/>, so several screens (or instances) of one studio show the same one and WeChat is asked
/// about once per renewal, however often they poll.
/// </summary>
public sealed class DoorCodes(DoorNonces nonces, IKeyValueCache cache, WeChatApi wechat, TimeProvider time, IOptions<BookingOptions> options, ILogger<DoorCodes> log)
{
    private BookingOptions Options => options.Value;

    /// <summary>
    /// The current code while it is younger than the renewal interval, otherwise a new one from WeChat (two screens
    /// renewing at once each get a valid code).
    /// </summary>
    public async Task<DoorCodeResult> CurrentAsync(int studioId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = Parse(await cache.GetAsync(CurrentKey(studioId), cancellationToken).ConfigureAwait(false));
        if (current is not null && current.IssuedAt <= now && now - current.IssuedAt < Options.DoorCodeRenewal) return new DoorCodeResult(current);

        // The nonce before the code: a screen never shows a code that a scan would be refused for.
        var nonce = await nonces.IssueAsync(studioId, cancellationToken).ConfigureAwait(false);
        var made = await wechat.CreateTemporaryQrCodeAsync(DoorNonces.Scene(studioId, nonce), Options.DoorCodeValidity, cancellationToken).ConfigureAwait(false);
        if (!made.Succeeded)
        {
            log.LogWarning("WeChat made no door code for studio {StudioId}: {ErrCode} {ErrMsg}", studioId, made.ErrCode, made.ErrMsg);
            return new DoorCodeResult(null, made.ErrCode == 0 ? WeChatApiResult.Unreachable : made.ErrCode);
        }
        var code = new DoorCode(nonce, made.Ticket!, made.Url!, now);
        await cache.SetAsync(CurrentKey(studioId), Format(code), Options.DoorCodeRenewal, cancellationToken).ConfigureAwait(false);
        log.LogDebug("New door code for studio {StudioId}", studioId);
        return new DoorCodeResult(code);
    }

    private static string CurrentKey(int studioId) => string.Create(CultureInfo.InvariantCulture, $"booking:door:current:{studioId}");

    private static string Format(DoorCode c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.IssuedAt.ToUnixTimeMilliseconds()}|{c.Nonce}|{c.Ticket}|{c.Url}");

    private static DoorCode? Parse(string? raw)
    {
        var parts = raw?.Split('|', 4);
        if (parts is not { Length: 4 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)) return null;
        return new DoorCode(parts[1], parts[2], parts[3], DateTimeOffset.FromUnixTimeMilliseconds(issued));
    }
}
