using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Staff;

/// <summary>Bearer tokens for scripts (<c>staff token</c>): issued, listed, revoked and checked; only their SHA-256 is stored.</summary>
public sealed class StaffTokens
{
    public const string Collection = "staff_tokens";

    /// <summary>How long a bearer token works unless issued for another length.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);

    private readonly ILiteCollection<StaffToken> _tokens;
    private readonly StaffStore _accounts;
    private readonly TimeProvider _time;

    public StaffTokens(ILiteDatabase db, StaffStore accounts, TimeProvider time)
    {
        _tokens = db.GetCollection<StaffToken>(Collection);
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _accounts = accounts;
        _time = time;
    }

    /// <summary>Issues a bearer token, valid for <paramref name="validFor"/> (a year by default); the clear token is returned once and never stored.</summary>
    public string Issue(string userName, string label, TimeSpan? validFor = null)
    {
        if (validFor is { } length && length <= TimeSpan.Zero) throw new ArgumentException("A token must be valid for a positive length of time.");
        var account = _accounts.Get(userName);
        // Such a token would never work: it carries the disabled session version, and enabling moves it on.
        if (account.Disabled) throw new ArgumentException($"'{account.UserName}' is disabled; run 'staff enable {account.UserName}' first, then issue the token.");
        var token = "ca_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        _tokens.Insert(new StaffToken
        {
            Hash = Hash(token), StaffId = account.Id, Label = label, CreatedAt = now, ExpiresAt = now + (validFor ?? DefaultLifetime),
            SessionVersion = account.SessionVersion,
        });
        return token;
    }

    /// <summary>The account's bearer tokens (never the tokens themselves), newest first.</summary>
    public IReadOnlyList<StaffToken> Of(string userName)
    {
        var account = _accounts.Get(userName);
        return _tokens.FindWhere(LiteQuery.Is(nameof(StaffToken.StaffId), account.Id)).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
    }

    /// <summary>Ends one of the account's tokens (a script retired, a token leaked); false when it has no such token.</summary>
    public bool Revoke(string userName, string tokenId)
    {
        var account = _accounts.Get(userName);
        if (!LiteQuery.TryParseId(tokenId, out var id)) return false;
        var token = _tokens.FindById(id);
        return token is not null && token.StaffId == account.Id && _tokens.Delete(id);
    }

    /// <summary>
    /// The account a bearer token belongs to, or null: also when the account is disabled, or was disabled or given
    /// a new password since the token was issued (issue a new one then).
    /// </summary>
    public StaffAccount? AccountOf(string token)
    {
        var record = _tokens.FindOneWhere(LiteQuery.Is(nameof(StaffToken.Hash), Hash(token)));
        if (record?.ExpiresAt <= _time.GetUtcNow()) return null;
        var account = record is null ? null : _accounts.FindById(record.StaffId);
        return account is { Disabled: false } && account.SessionVersion == record!.SessionVersion ? account : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
