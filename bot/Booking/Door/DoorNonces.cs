using System.Globalization;
using System.Security.Cryptography;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking.Door;

/// <summary>
/// The nonces of the door screen's codes (scene <c>duty:&lt;studioId&gt;:&lt;nonce&gt;</c>): issued per studio, valid for
/// <see cref="BookingOptions.DoorCodeValidity"/> from their issue, for any delegate and any number of scans. Kept in the
/// shared <see cref="IKeyValueCache"/> (Redis when configured), so a code shown by one instance checks in on another.
/// </summary>
public sealed class DoorNonces(IKeyValueCache cache, TimeProvider time, IOptions<BookingOptions> options)
{
    // A key outlives its validity a little, so a scan right at the limit is judged by the issue time, not by whether
    // the store has already dropped the key.
    private static readonly TimeSpan KeySlack = TimeSpan.FromMinutes(1);

    /// <summary>The scene of a door-screen code: <c>duty:&lt;studioId&gt;:&lt;nonce&gt;</c>.</summary>
    public static string Scene(int studioId, string nonce) => DutyCheckInScene.SceneOf(studioId) + ":" + nonce;

    /// <summary>A new nonce for the studio, valid from now.</summary>
    public async Task<string> IssueAsync(int studioId, CancellationToken cancellationToken)
    {
        // 96 random bits, URL-safe: 16 characters, so the scene stays far below WeChat's 64.
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        var issued = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await cache.SetAsync(Key(studioId, nonce), issued, options.Value.DoorCodeValidity + KeySlack, cancellationToken).ConfigureAwait(false);
        return nonce;
    }

    /// <summary>True when <paramref name="nonce"/> was issued for the studio within the validity; false when older or unknown.</summary>
    public async Task<bool> IsValidAsync(int studioId, string nonce, CancellationToken cancellationToken)
    {
        var raw = await cache.GetAsync(Key(studioId, nonce), cancellationToken).ConfigureAwait(false);
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var issued)) return false;
        return time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issued) <= options.Value.DoorCodeValidity;
    }

    private static string Key(int studioId, string nonce) => string.Create(CultureInfo.InvariantCulture, $"booking:door:nonce:{studioId}:{nonce}");
}
