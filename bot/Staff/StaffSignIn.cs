using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ChatAssistant.Staff;

/// <summary>
/// Signing in with a name and password, and the lock-outs that stop guessing: per address and name in memory
/// (<see cref="SignInFailures"/>), and the account itself after wrong passwords from many addresses (on the account).
/// </summary>
public sealed class StaffSignIn
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

    private static readonly string DummyHash = new PasswordHasher<StaffAccount>().HashPassword(new StaffAccount(), Guid.NewGuid().ToString());

    private readonly StaffStore _accounts;
    private readonly IPasswordHasher<StaffAccount> _hasher;
    private readonly TimeProvider _time;
    private readonly SignInFailures _failures;

    public StaffSignIn(StaffStore accounts, TimeProvider time, IPasswordHasher<StaffAccount> hasher)
    {
        _accounts = accounts;
        _time = time;
        _hasher = hasher;
        _failures = new SignInFailures(time);
    }

    /// <summary>Wrong-password records kept in memory now (for monitoring and tests).</summary>
    public int TrackedFailures => _failures.Count;

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
        var name = StaffStore.NormalizeName(userName);
        var network = SignInFailures.Network(client);
        var now = _time.GetUtcNow();
        var account = _accounts.Find(name);
        if (account is null || account.Disabled || _failures.IsLockedOut(name, network) || account.LockedUntil > now)
        {
            // Hash anyway, so that unknown, disabled and locked names take as long as the others.
            _hasher.VerifyHashedPassword(new StaffAccount(), DummyHash, password);
            if (_failures.IsLockedOut(name, network) || account?.LockedUntil > now) return new SignInOutcome(SignInStatus.LockedOut, null);
            return new SignInOutcome(_failures.Add(name, network) ? SignInStatus.LockedOut : SignInStatus.Failed, null);
        }

        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        var rehashed = result == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : null;
        // Read again: the account may have changed while the password was being checked.
        return _accounts.Change(account.Id, current =>
        {
            // A new password or a disable meanwhile: this check was against what no longer holds.
            if (current is null || current.Disabled || current.PasswordHash != account.PasswordHash) return (new SignInOutcome(SignInStatus.Failed, null), false);
            if (_failures.IsLockedOut(name, network) || current.LockedUntil > now) return (new SignInOutcome(SignInStatus.LockedOut, null), false);
            if (result == PasswordVerificationResult.Failed)
            {
                var accountLocked = CountFailingAddress(current, network, now);
                var locked = _failures.Add(name, network) || accountLocked;
                return (new SignInOutcome(locked ? SignInStatus.LockedOut : SignInStatus.Failed, null), true);
            }
            if (rehashed is not null) current.PasswordHash = rehashed;
            current.ClearLockOut();
            _failures.Clear(name, network);
            return (new SignInOutcome(SignInStatus.Succeeded, current), true);
        });
    }

    /// <summary>Clears a sign-in lock-out: the account's own, and every address's on its name.</summary>
    public void Unlock(string userName)
    {
        _accounts.ClearLockOut(userName);
        _failures.Clear(StaffStore.NormalizeName(userName));
    }

    // Notes the address (a digest of it: the records file keeps no addresses) among those that failed since the
    // account last signed in; the MaxFailingAddresses-th locks the account. Under the accounts' gate.
    private static bool CountFailingAddress(StaffAccount account, string network, DateTimeOffset now)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(network)))[..16];
        if (!account.FailedFrom.Contains(digest)) account.FailedFrom.Add(digest);
        account.FailedSignIns = account.FailedFrom.Count;
        if (account.FailedFrom.Count < MaxFailingAddresses) return false;
        account.ClearLockOut();
        account.LockedUntil = now + LockoutDuration;
        return true;
    }
}
