using System.Globalization;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// The account's access token, fetched once and shared by every instance through <see cref="IKeyValueCache"/>.
/// Refreshes are single-flight under <see cref="IDistributedLock"/> (several refreshers invalidate each
/// other's tokens) and happen early, while the old token is still valid.
/// </summary>
public sealed class WeChatAccessTokens(
    [FromKeyedServices] WeChatApiClient client, IKeyValueCache cache, IDistributedLock locks, [FromKeyedServices] WeChatAccount account,
    TimeProvider time, ILogger<WeChatAccessTokens> logger)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    // After WeChat refuses a token (IP not whitelisted, wrong secret, daily limit) nobody asks again for this long:
    // the token endpoint allows 2,000 calls a day, and asking on every send (a reminder batch: hundreds a minute)
    // would use them up, so that the account stays without a token after the operator has fixed the cause.
    internal static readonly TimeSpan RefusalPause = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A valid token, or null when none can be had. <paramref name="rejected"/> is a token WeChat just refused
    /// (40001/40014/42001): it is replaced unless another instance has already done so.
    /// </summary>
    public async Task<string?> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        var appId = account.TokenOwner;
        var cached = await ReadAsync(appId, cancellationToken).ConfigureAwait(false);
        if (IsUsable(cached, rejected)) return cached!.Value.Token;

        await using var held = await locks.TryAcquireAsync(WeChatKeys.TokenLock(appId), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        // Whoever held the lock before us may have refreshed it.
        cached = await ReadAsync(appId, cancellationToken).ConfigureAwait(false);
        if (IsUsable(cached, rejected)) return cached!.Value.Token;
        var stillValid = cached is { } c && c.Token != rejected && c.Expires > time.GetUtcNow() ? c.Token : null;
        if (held is null)
        {
            logger.LogWarning("Timed out waiting for the WeChat token refresh lock");
            return stillValid;
        }
        // Checked under the lock: whoever held it before may just have been refused.
        if (await cache.GetAsync(WeChatKeys.TokenRefused(appId), cancellationToken).ConfigureAwait(false) is not null) return stillValid;

        var response = await client.RequestTokenAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.AccessToken) || response.ExpiresIn <= 0)
        {
            logger.LogError("WeChat refused the access token request: {ErrCode} {ErrMsg}", response.ErrCode, response.ErrMsg);
            // Only WeChat's own refusals count against its daily limit; a network failure is tried again next time.
            if (response.ErrCode != WeChatApiResult.Unreachable)
                await cache.SetAsync(WeChatKeys.TokenRefused(appId), response.ErrCode.ToString(CultureInfo.InvariantCulture), RefusalPause, cancellationToken).ConfigureAwait(false);
            return stillValid;
        }
        var expires = time.GetUtcNow().AddSeconds(response.ExpiresIn);
        var value = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "|" + response.AccessToken;
        await cache.SetAsync(WeChatKeys.Token(appId), value, TimeSpan.FromSeconds(response.ExpiresIn), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Fetched a WeChat access token valid for {Seconds} s", response.ExpiresIn);
        return response.AccessToken;
    }

    private bool IsUsable((string Token, DateTimeOffset Expires)? cached, string? rejected) =>
        cached is { } c && c.Token != rejected && c.Expires - time.GetUtcNow() > RefreshMargin;

    private async Task<(string Token, DateTimeOffset Expires)?> ReadAsync(string appId, CancellationToken cancellationToken)
    {
        var raw = await cache.GetAsync(WeChatKeys.Token(appId), cancellationToken).ConfigureAwait(false);
        var bar = raw?.IndexOf('|') ?? -1;
        if (raw is null || bar <= 0 || !long.TryParse(raw.AsSpan(0, bar), out var unix)) return null;
        return (raw[(bar + 1)..], DateTimeOffset.FromUnixTimeSeconds(unix));
    }
}
