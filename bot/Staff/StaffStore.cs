using ChatAssistant.Storage;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Identity;

namespace ChatAssistant.Staff;

/// <summary>Staff accounts and tokens in LiteDB, with password hashing and sign-in lockout.</summary>
public sealed class StaffStore
{
    /// <summary>Failed sign-ins from one address (an IPv6 /64) before it is locked out of the name.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>
    /// Addresses with a wrong password since the account last signed in, before the account itself locks (the last
    /// resort against guessing from many addresses). Addresses, not attempts: ten addresses × five tries must not
    /// lock a member out, which counting attempts allowed anyone to do to any account, admins included.
    /// </summary>
    public const int MaxFailingAddresses = 50;

    /// <summary>Longest sign-in name looked at; a longer one is refused before any hashing.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>How long a locked account, or an address locked out of a name, stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long an address's wrong passwords count towards its lock-out.</summary>
    public static readonly TimeSpan FailureMemory = TimeSpan.FromHours(1);

    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly ILiteCollection<StaffToken> _tokens;
    private readonly ILiteCollection<EndedSession> _endedSessions;
    private readonly IPasswordHasher<StaffAccount> _hasher;
    private readonly TimeProvider _time;
    // Every change to an account reads it again under this gate: a sign-in (which writes its counters back) and
    // a disable or a new password never overwrite each other with a stale copy. Never held while hashing a
    // password (tens of milliseconds each): that made every sign-in and account change wait in one line.
    private readonly object _gate = new();
    private readonly SignInFailures _failures;

    public StaffStore(ILiteDatabase db, TimeProvider time, IPasswordHasher<StaffAccount> hasher)
    {
        _time = time;
        _hasher = hasher;
        _failures = new SignInFailures(time);
        _accounts = db.GetCollection<StaffAccount>("staff");
        _accounts.EnsureIndex(a => a.UserName, unique: true);
        _tokens = db.GetCollection<StaffToken>("staff_tokens");
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _endedSessions = db.GetCollection<EndedSession>("staff_sessions_ended");
    }

    /// <summary>
    /// Ends one console session (sign-out): its cookie is refused from now on, also where a copy of it is still
    /// held (another tab's event stream, a stolen cookie). Kept until <paramref name="until"/>, when the cookie
    /// would have expired anyway.
    /// </summary>
    public void EndSession(string sessionId, DateTimeOffset until)
    {
        var now = _time.GetUtcNow();
        _endedSessions.DeleteMany(e => e.Until < now);
        _endedSessions.Upsert(new EndedSession { Id = sessionId, Until = until });
    }

    /// <summary>Whether the console session <paramref name="sessionId"/> was signed out.</summary>
    public bool SessionEnded(string sessionId) => _endedSessions.FindById(sessionId) is not null;

    /// <summary>Creates an account. Throws <see cref="ArgumentException"/> with a message for the operator.</summary>
    public StaffAccount Create(string userName, string password, string role, string? scope, string? displayName = null)
    {
        var name = NormalizeName(userName);
        if (name.Length is < 2 or > 40) throw new StaffInputException("The user name must be 2 to 40 characters.", StaffTexts.UserNameLength);
        if (!StaffRoles.IsValid(role)) throw new StaffInputException($"Unknown role '{role}'; use '{StaffRoles.Admin}' or '{StaffRoles.Staff}'.", StaffTexts.UnknownRole);
        if (role == StaffRoles.Staff && string.IsNullOrWhiteSpace(scope)) throw new StaffInputException("Staff accounts need --scope (a district or workshop).", StaffTexts.ScopeRequired);
        CheckPassword(password);
        var account = new StaffAccount
        {
            UserName = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(),
            Role = role,
            Scope = role == StaffRoles.Admin ? null : scope!.Trim(),
            CreatedAt = _time.GetUtcNow(),
        };
        account.PasswordHash = _hasher.HashPassword(account, password);
        try
        {
            _accounts.Insert(account);
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new StaffInputException($"An account named '{name}' already exists.", StaffTexts.NameTaken);
        }
        return account;
    }

    public StaffAccount? Find(string userName) => _accounts.FindOneWhere(LiteQuery.Is(nameof(StaffAccount.UserName), NormalizeName(userName)));

    public StaffAccount? FindById(int id) => _accounts.FindById(id);

    public IReadOnlyList<StaffAccount> All() => _accounts.FindAll().OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();

    /// <summary>Wrong-password records kept in memory now (for monitoring and tests).</summary>
    public int TrackedSignInFailures => _failures.Count;

    /// <summary>
    /// Checks a password. <see cref="MaxFailedSignIns"/> failures from one <paramref name="client"/> (the caller's
    /// address; an IPv6 /64 counts as one) lock that address out of the name for <see cref="LockoutDuration"/>,
    /// whether or not the name has an account; wrong passwords from <see cref="MaxFailingAddresses"/> addresses lock
    /// the account itself. A name longer than <see cref="MaxUserNameLength"/> is refused at once. The hash runs
    /// outside every lock.
    /// </summary>
    public SignInOutcome SignIn(string userName, string password, string client = "")
    {
        if (userName.Length > MaxUserNameLength) return new SignInOutcome(SignInStatus.NameTooLong, null);
        var name = NormalizeName(userName);
        var network = SignInFailures.Network(client);
        var now = _time.GetUtcNow();
        var account = Find(name);
        if (account is null || account.Disabled || _failures.IsLockedOut(name, network) || account.LockedUntil > now)
        {
            // Hash anyway, so that unknown, disabled and locked names take as long as the others.
            _hasher.VerifyHashedPassword(new StaffAccount(), DummyHash, password);
            if (_failures.IsLockedOut(name, network) || account?.LockedUntil > now) return new SignInOutcome(SignInStatus.LockedOut, null);
            return new SignInOutcome(_failures.Add(name, network) ? SignInStatus.LockedOut : SignInStatus.Failed, null);
        }

        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        var rehashed = result == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : null;
        lock (_gate)
        {
            // Read again: the account may have changed while the password was being checked.
            var current = FindById(account.Id);
            // A new password or a disable meanwhile: this check was against what no longer holds.
            if (current is null || current.Disabled || current.PasswordHash != account.PasswordHash) return new SignInOutcome(SignInStatus.Failed, null);
            if (_failures.IsLockedOut(name, network) || current.LockedUntil > now) return new SignInOutcome(SignInStatus.LockedOut, null);
            if (result == PasswordVerificationResult.Failed)
            {
                var accountLocked = CountFailingAddress(current, network, now);
                _accounts.Update(current);
                var locked = _failures.Add(name, network) || accountLocked;
                return new SignInOutcome(locked ? SignInStatus.LockedOut : SignInStatus.Failed, null);
            }
            if (rehashed is not null) current.PasswordHash = rehashed;
            ClearFailingAddresses(current);
            current.LockedUntil = null;
            _accounts.Update(current);
            _failures.Clear(name, network);
            return new SignInOutcome(SignInStatus.Succeeded, current);
        }
    }

    // Notes the address (a digest of it: the records file keeps no addresses) among those that failed since the
    // account last signed in; the MaxFailingAddresses-th locks the account. Caller holds _gate.
    private bool CountFailingAddress(StaffAccount account, string network, DateTimeOffset now)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(network)))[..16];
        if (!account.FailedFrom.Contains(digest)) account.FailedFrom.Add(digest);
        account.FailedSignIns = account.FailedFrom.Count;
        if (account.FailedFrom.Count < MaxFailingAddresses) return false;
        account.LockedUntil = now + LockoutDuration;
        ClearFailingAddresses(account);
        return true;
    }

    private static void ClearFailingAddresses(StaffAccount account)
    {
        account.FailedFrom.Clear();
        account.FailedSignIns = 0;
    }

    public void SetPassword(string userName, string password)
    {
        CheckPassword(password);
        var hash = _hasher.HashPassword(new StaffAccount(), password); // outside the gate: hashing is slow
        lock (_gate)
        {
            var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
            account.PasswordHash = hash;
            ClearFailingAddresses(account);
            account.LockedUntil = null;
            account.SessionVersion++; // whoever signed in with the old password, and its tokens, are signed out
            _accounts.Update(account);
        }
    }

    /// <summary>
    /// Disables (or enables again) an account: a disabled one cannot sign in, its bearer tokens stop working, and
    /// its console sessions end on their next request. Returns the account.
    /// </summary>
    public (StaffAccount Account, DisableOutcome Outcome) SetDisabled(string userName, bool disabled)
    {
        lock (_gate)
        {
            var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
            if (account.Disabled == disabled) return (account, DisableOutcome.Unchanged);
            // Nobody could enable anyone again from the console or the API (only the command line, server stopped).
            if (disabled && account.Role == StaffRoles.Admin && !_accounts.FindAll().Any(a => a.Id != account.Id && a.Role == StaffRoles.Admin && !a.Disabled))
                return (account, DisableOutcome.LastAdmin);
            account.Disabled = disabled;
            account.SessionVersion++;
            _accounts.Update(account);
            return (account, DisableOutcome.Changed);
        }
    }

    /// <summary>
    /// Changes an account's role, scope or display name (null leaves each as it is). A new role or scope ends the
    /// account's sessions and tokens at their next request, since they carry the old ones; a new display name
    /// alone does not. Throws <see cref="ArgumentException"/> for an unknown account or a bad value.
    /// </summary>
    public (StaffAccount Account, UpdateOutcome Outcome) Update(string userName, string? role, string? scope, string? displayName)
    {
        if (role is not null && !StaffRoles.IsValid(role.Trim())) throw new StaffInputException($"Unknown role '{role}'; use '{StaffRoles.Admin}' or '{StaffRoles.Staff}'.", StaffTexts.UnknownRole);
        lock (_gate)
        {
            var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
            var newRole = role?.Trim() ?? account.Role;
            var newScope = newRole == StaffRoles.Admin ? null : string.IsNullOrWhiteSpace(scope) ? account.Scope : scope.Trim();
            if (newRole == StaffRoles.Staff && newScope is null) throw new StaffInputException("Staff accounts need --scope (a district or workshop).", StaffTexts.ScopeRequired);
            var newName = string.IsNullOrWhiteSpace(displayName) ? account.DisplayName : displayName.Trim();
            if (newName.Length > 40) throw new StaffInputException("The display name must be at most 40 characters.", StaffTexts.DisplayNameLength);
            if (account.Role == StaffRoles.Admin && newRole != StaffRoles.Admin && !account.Disabled
                && !_accounts.FindAll().Any(a => a.Id != account.Id && a.Role == StaffRoles.Admin && !a.Disabled))
                return (account, UpdateOutcome.LastAdmin);
            var signsOut = newRole != account.Role || !string.Equals(newScope, account.Scope, StringComparison.Ordinal);
            if (!signsOut && string.Equals(newName, account.DisplayName, StringComparison.Ordinal)) return (account, UpdateOutcome.Unchanged);
            account.Role = newRole;
            account.Scope = newScope;
            account.DisplayName = newName;
            if (signsOut) account.SessionVersion++;
            _accounts.Update(account);
            return (account, signsOut ? UpdateOutcome.ChangedSignedOut : UpdateOutcome.Changed);
        }
    }

    public void Unlock(string userName)
    {
        lock (_gate)
        {
            var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
            ClearFailingAddresses(account);
            account.LockedUntil = null;
            _accounts.Update(account);
            _failures.Clear(NormalizeName(userName));
        }
    }

    /// <summary>How long a bearer token works unless issued for another length.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(365);

    /// <summary>Issues a bearer token, valid for <paramref name="validFor"/> (a year by default); the clear token is returned once and never stored.</summary>
    public string IssueToken(string userName, string label, TimeSpan? validFor = null)
    {
        if (validFor is { } length && length <= TimeSpan.Zero) throw new ArgumentException("A token must be valid for a positive length of time.");
        var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
        // Such a token would never work: it carries the disabled session version, and enabling moves it on.
        if (account.Disabled) throw new ArgumentException($"'{account.UserName}' is disabled; run 'staff enable {account.UserName}' first, then issue the token.");
        var token = "ca_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        _tokens.Insert(new StaffToken
        {
            Hash = HashToken(token), StaffId = account.Id, Label = label, CreatedAt = now, ExpiresAt = now + (validFor ?? DefaultTokenLifetime),
            SessionVersion = account.SessionVersion,
        });
        return token;
    }

    /// <summary>The account's bearer tokens (never the tokens themselves), newest first.</summary>
    public IReadOnlyList<StaffToken> Tokens(string userName)
    {
        var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
        return _tokens.FindWhere(LiteQuery.Is(nameof(StaffToken.StaffId), account.Id)).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
    }

    /// <summary>Ends one of the account's tokens (a script retired, a token leaked); false when it has no such token.</summary>
    public bool RevokeToken(string userName, string tokenId)
    {
        var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
        if (!LiteQuery.TryParseId(tokenId, out var id)) return false;
        var token = _tokens.FindById(id);
        return token is not null && token.StaffId == account.Id && _tokens.Delete(id);
    }

    /// <summary>
    /// The account a bearer token belongs to, or null: also when the account is disabled, or was disabled or given
    /// a new password since the token was issued (issue a new one then).
    /// </summary>
    public StaffAccount? FindByToken(string token)
    {
        var record = _tokens.FindOneWhere(LiteQuery.Is(nameof(StaffToken.Hash), HashToken(token)));
        if (record?.ExpiresAt <= _time.GetUtcNow()) return null;
        var account = record is null ? null : _accounts.FindById(record.StaffId);
        return account is { Disabled: false } && account.SessionVersion == record!.SessionVersion ? account : null;
    }

    private static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NormalizeName(string name) => name.Trim().ToLowerInvariant();

    private static void CheckPassword(string password)
    {
        if (password.Length < 10) throw new StaffInputException("The password must be at least 10 characters.", StaffTexts.PasswordLength);
    }

    private static readonly string DummyHash = new PasswordHasher<StaffAccount>().HashPassword(new StaffAccount(), Guid.NewGuid().ToString());
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,

    /// <summary>The name is longer than any account's: refused before any hashing.</summary>
    NameTooLong,
}

/// <summary>The result of a sign-in attempt.</summary>
public sealed record SignInOutcome(SignInStatus Status, StaffAccount? Account);

/// <summary>What disabling or enabling an account did.</summary>
public enum DisableOutcome
{
    Changed,

    /// <summary>It was already so: nothing written, no session ended.</summary>
    Unchanged,

    /// <summary>Refused: the last enabled admin.</summary>
    LastAdmin,
}

/// <summary>What changing an account's role, scope or display name did.</summary>
public enum UpdateOutcome
{
    /// <summary>Only the display name changed: sessions go on.</summary>
    Changed,

    /// <summary>The role or scope changed: the account's sessions and tokens end at their next request.</summary>
    ChangedSignedOut,

    /// <summary>Nothing to change: nothing written.</summary>
    Unchanged,

    /// <summary>Refused: it would leave no enabled admin.</summary>
    LastAdmin,
}

/// <summary>A bad value for an account: <see cref="Exception.Message"/> for the operator's terminal, <see cref="StaffMessage"/> for the API.</summary>
public sealed class StaffInputException(string message, string staffMessage) : ArgumentException(message)
{
    /// <summary>The same in Chinese, saying what to do (answered by the staff API).</summary>
    public string StaffMessage { get; } = staffMessage;
}
