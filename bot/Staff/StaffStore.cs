using ChatAssistant.Storage;
using Microsoft.AspNetCore.Identity;

namespace ChatAssistant.Staff;

/// <summary>
/// Staff accounts (in <see cref="IStaffRecords"/>: LiteDB or PostgreSQL): created, found, given a new password, role, scope or name, disabled and enabled, their
/// lock-out cleared. Signing in is <see cref="StaffSignIn"/>'s, console sessions <see cref="StaffSessions"/>', bearer
/// tokens <see cref="StaffTokens"/>'.
/// </summary>
public sealed class StaffStore
{
    // Every change to an account reads it again inside IStaffRecords.Exclusively: a sign-in (which writes its
    // counters back) and a disable or a new password never overwrite each other with a stale copy, on any instance.
    // Never held while hashing a password (tens of milliseconds each): that made every sign-in and account change
    // wait in one line.
    private readonly IStaffRecords _records;
    private readonly IPasswordHasher<StaffAccount> _hasher;
    private readonly TimeProvider _time;

    public StaffStore(IStaffRecords records, TimeProvider time, IPasswordHasher<StaffAccount> hasher)
    {
        _records = records;
        _time = time;
        _hasher = hasher;
    }

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
        if (!_records.TryAdd(account)) throw new StaffInputException($"An account named '{name}' already exists.", StaffTexts.NameTaken);
        return account;
    }

    public StaffAccount? Find(string userName) => _records.Find(NormalizeName(userName));

    public StaffAccount? FindById(int id) => _records.FindById(id);

    public IReadOnlyList<StaffAccount> All() => _records.All();

    /// <summary>The account named <paramref name="userName"/>; throws <see cref="ArgumentException"/> when there is none.</summary>
    public StaffAccount Get(string userName) => Find(userName) ?? throw new ArgumentException($"No account named '{userName}'.");

    public void SetPassword(string userName, string password)
    {
        CheckPassword(password);
        var hash = _hasher.HashPassword(new StaffAccount(), password); // outside the gate: hashing is slow
        _records.Exclusively(() =>
        {
            var account = Get(userName);
            account.PasswordHash = hash;
            account.ClearLockOut();
            account.SessionVersion++; // whoever signed in with the old password, and its tokens, are signed out
            _records.Update(account);
            return account;
        });
    }

    /// <summary>
    /// Disables (or enables again) an account: a disabled one cannot sign in, its bearer tokens stop working, and
    /// its console sessions end on their next request. Returns the account.
    /// </summary>
    public (StaffAccount Account, DisableOutcome Outcome) SetDisabled(string userName, bool disabled) => _records.Exclusively(() =>
        {
            var account = Get(userName);
            if (account.Disabled == disabled) return (account, DisableOutcome.Unchanged);
            // Nobody could enable anyone again from the console or the API (only the command line, server stopped).
            if (disabled && account.Role == StaffRoles.Admin && IsLastEnabledAdmin(account)) return (account, DisableOutcome.LastAdmin);
            account.Disabled = disabled;
            account.SessionVersion++;
            _records.Update(account);
            return (account, DisableOutcome.Changed);
        });

    /// <summary>
    /// Changes an account's role, scope or display name (null leaves each as it is). A new role or scope ends the
    /// account's sessions and tokens at their next request, since they carry the old ones; a new display name
    /// alone does not. Throws <see cref="ArgumentException"/> for an unknown account or a bad value.
    /// </summary>
    public (StaffAccount Account, UpdateOutcome Outcome) Update(string userName, string? role, string? scope, string? displayName)
    {
        if (role is not null && !StaffRoles.IsValid(role.Trim())) throw new StaffInputException($"Unknown role '{role}'; use '{StaffRoles.Admin}' or '{StaffRoles.Staff}'.", StaffTexts.UnknownRole);
        return _records.Exclusively(() =>
        {
            var account = Get(userName);
            var newRole = role?.Trim() ?? account.Role;
            var newScope = newRole == StaffRoles.Admin ? null : string.IsNullOrWhiteSpace(scope) ? account.Scope : scope.Trim();
            if (newRole == StaffRoles.Staff && newScope is null) throw new StaffInputException("Staff accounts need --scope (a district or workshop).", StaffTexts.ScopeRequired);
            var newName = string.IsNullOrWhiteSpace(displayName) ? account.DisplayName : displayName.Trim();
            if (newName.Length > 40) throw new StaffInputException("The display name must be at most 40 characters.", StaffTexts.DisplayNameLength);
            if (account.Role == StaffRoles.Admin && newRole != StaffRoles.Admin && !account.Disabled && IsLastEnabledAdmin(account))
                return (account, UpdateOutcome.LastAdmin);
            var signsOut = newRole != account.Role || !string.Equals(newScope, account.Scope, StringComparison.Ordinal);
            if (!signsOut && string.Equals(newName, account.DisplayName, StringComparison.Ordinal)) return (account, UpdateOutcome.Unchanged);
            account.Role = newRole;
            account.Scope = newScope;
            account.DisplayName = newName;
            if (signsOut) account.SessionVersion++;
            _records.Update(account);
            return (account, signsOut ? UpdateOutcome.ChangedSignedOut : UpdateOutcome.Changed);
        });
    }

    /// <summary>Clears the account's own lock-out and its count of failing addresses (<see cref="StaffSignIn.Unlock"/>).</summary>
    internal void ClearLockOut(string userName) => _records.Exclusively(() =>
    {
        var account = Get(userName);
        account.ClearLockOut();
        _records.Update(account);
        return account;
    });

    /// <summary>
    /// Reads the account <paramref name="id"/> again and hands it to <paramref name="change"/> under the gate every
    /// account change takes (null: it is gone); what <paramref name="change"/> returns with <c>Save</c> true is written.
    /// </summary>
    internal T Change<T>(int id, Func<StaffAccount?, (T Result, bool Save)> change) => _records.Exclusively(() =>
    {
        var account = FindById(id);
        var (result, save) = change(account);
        if (save && account is not null) _records.Update(account);
        return result;
    });

    private bool IsLastEnabledAdmin(StaffAccount account) => !_records.AnyOtherEnabledAdmin(account.Id);

    internal static string NormalizeName(string name) => name.Trim().ToLowerInvariant();

    private static void CheckPassword(string password)
    {
        if (password.Length < 10) throw new StaffInputException("The password must be at least 10 characters.", StaffTexts.PasswordLength);
    }
}
