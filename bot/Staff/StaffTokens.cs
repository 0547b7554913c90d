using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Storage;

namespace ChatAssistant.Staff;

/// <summary>Bearer tokens for scripts (<c>staff token</c>): issued, listed, revoked and checked; only their SHA-256 is stored.</summary>
public sealed class StaffTokens
{
    /// <summary>How long a bearer token works unless issued for another length.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);

    private readonly IStaffRecords _records;
    private readonly StaffStore _accounts;
    private readonly TimeProvider _time;

    public StaffTokens(IStaffRecords records, StaffStore accounts, TimeProvider time)
    {
        _records = records;
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
        _records.AddToken(new StaffToken
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
        return _records.TokensOf(account.Id);
    }

    /// <summary>Ends one of the account's tokens (a script retired, a token leaked); false when it has no such token.</summary>
    public bool Revoke(string userName, string tokenId)
    {
        var account = _accounts.Get(userName);
        return _records.DeleteToken(account.Id, tokenId);
    }

    /// <summary>
    /// The account a bearer token belongs to, or null: also when the account is disabled, or was disabled or given
    /// a new password since the token was issued (issue a new one then).
    /// </summary>
    public StaffAccount? AccountOf(string token)
    {
        var record = _records.FindToken(Hash(token));
        if (record?.ExpiresAt <= _time.GetUtcNow()) return null;
        var account = record is null ? null : _accounts.FindById(record.StaffId);
        return account is { Disabled: false } && account.SessionVersion == record!.SessionVersion ? account : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
