using ChatAssistant.Storage;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Identity;

namespace ChatAssistant.Staff;

/// <summary>Staff accounts and tokens in LiteDB, with password hashing and sign-in lockout.</summary>
public sealed class StaffStore
{
    /// <summary>Failed sign-ins from one address before that address is locked out of the name.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>
    /// Failed sign-ins from anywhere before the account itself locks (the last resort against guessing from many
    /// addresses). Ten times the per-address limit: one stranger typing a member's name five times must not lock
    /// the member out, which a per-account limit of five allowed anyone to do to any account, admins included.
    /// </summary>
    public const int MaxFailedSignInsFromAnywhere = 10 * MaxFailedSignIns;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly ILiteCollection<StaffToken> _tokens;
    private readonly ILiteCollection<EndedSession> _endedSessions;
    private readonly PasswordHasher<StaffAccount> _hasher = new();
    private readonly TimeProvider _time;
    // Every change to an account reads it again under this gate: a sign-in (which writes its counters back) and
    // a disable or a new password never overwrite each other with a stale copy.
    private readonly object _gate = new();
    // Failures per (name, address), in memory: lost on restart, which only gives a guesser five more tries. Names
    // without an account are counted the same way, so a lock-out does not tell which names exist.
    private readonly Dictionary<(string Name, string Client), (int Failures, DateTimeOffset? LockedUntil)> _failuresByClient = [];
    private const int MaxTrackedClients = 10_000;

    public StaffStore(ILiteDatabase db, TimeProvider time)
    {
        _time = time;
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

    /// <summary>
    /// Checks a password. <see cref="MaxFailedSignIns"/> failures from one <paramref name="client"/> (the caller's
    /// address) lock that address out of the name for <see cref="LockoutDuration"/>, whether or not the name has an
    /// account; <see cref="MaxFailedSignInsFromAnywhere"/> lock the account itself.
    /// </summary>
    public SignInOutcome SignIn(string userName, string password, string client = "")
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var key = (NormalizeName(userName), client);
            var account = Find(userName);
            var clientLocked = _failuresByClient.TryGetValue(key, out var byClient) && byClient.LockedUntil > now;
            if (account is null || account.Disabled || clientLocked || account.LockedUntil > now)
            {
                // Hash anyway, so that unknown, disabled and locked names take as long as the others.
                _hasher.VerifyHashedPassword(new StaffAccount(), DummyHash, password);
                if (clientLocked || account?.LockedUntil > now) return new SignInOutcome(SignInStatus.LockedOut, null);
                return new SignInOutcome(CountFailure(key, now) ? SignInStatus.LockedOut : SignInStatus.Failed, null);
            }

            var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            if (result == PasswordVerificationResult.Failed)
            {
                if (++account.FailedSignIns >= MaxFailedSignInsFromAnywhere)
                {
                    account.LockedUntil = now + LockoutDuration;
                    account.FailedSignIns = 0;
                }
                _accounts.Update(account);
                var locked = CountFailure(key, now) || account.LockedUntil > now;
                return new SignInOutcome(locked ? SignInStatus.LockedOut : SignInStatus.Failed, null);
            }
            if (result == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = _hasher.HashPassword(account, password);
            account.FailedSignIns = 0;
            account.LockedUntil = null;
            _accounts.Update(account);
            _failuresByClient.Remove(key);
            return new SignInOutcome(SignInStatus.Succeeded, account);
        }
    }

    // One more failure for this name from this address; true when it locks the address out of the name. Caller holds _gate.
    private bool CountFailure((string Name, string Client) key, DateTimeOffset now)
    {
        if (_failuresByClient.Count >= MaxTrackedClients)
        {
            // Forget what no longer counts (expired locks, failures older than a lock-out); the rate limit keeps this small.
            foreach (var (k, v) in _failuresByClient.ToList())
                if (v.LockedUntil is null ? v.Failures < MaxFailedSignIns - 1 : v.LockedUntil <= now) _failuresByClient.Remove(k);
        }
        var (failures, _) = _failuresByClient.GetValueOrDefault(key);
        failures++;
        var lockedUntil = failures >= MaxFailedSignIns ? now + LockoutDuration : (DateTimeOffset?)null;
        _failuresByClient[key] = (lockedUntil is null ? failures : 0, lockedUntil);
        return lockedUntil is not null;
    }

    public void SetPassword(string userName, string password)
    {
        CheckPassword(password);
        lock (_gate)
        {
            var account = Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");
            account.PasswordHash = _hasher.HashPassword(account, password);
            account.FailedSignIns = 0;
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
            account.FailedSignIns = 0;
            account.LockedUntil = null;
            _accounts.Update(account);
            var name = NormalizeName(userName);
            foreach (var key in _failuresByClient.Keys.Where(k => k.Name == name).ToList()) _failuresByClient.Remove(key);
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
