using ChatAssistant.Adapters.Coordination;
using Microsoft.AspNetCore.Identity;

namespace ChatAssistant.Staff;

/// <summary>
/// Signing in with a name and password, and the lock-outs that stop guessing: per address and name
/// (<see cref="ISignInFailures"/>: in memory, or in Redis for every instance), and the account itself after wrong
/// passwords from many addresses (on the account).
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
    private readonly ISignInFailures _failures;

    public StaffSignIn(StaffStore accounts, TimeProvider time, IPasswordHasher<StaffAccount> hasher, ISignInFailures failures)
    {
        _accounts = accounts;
        _time = time;
        _hasher = hasher;
        _failures = failures;
    }

    /// <summary>Wrong-password records kept in this process's memory now (for monitoring and tests).</summary>
    public int TrackedFailures => _failures.TrackedHere;

    /// <summary>
    /// Checks a password. <see cref="MaxFailedSignIns"/> failures from one <paramref name="client"/> (the caller's
    /// address; an IPv6 /64 counts as one) lock that address out of the name for <see cref="LockoutDuration"/>,
    /// whether or not the name has an account, on every instance sharing Redis; wrong passwords from
    /// <see cref="MaxFailingAddresses"/> addresses lock the account itself. A name longer than
    /// <see cref="MaxUserNameLength"/> is refused at once. The hash runs outside every lock.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string client = "", CancellationToken cancellationToken = default)
    {
        if (userName.Length > MaxUserNameLength) return new SignInOutcome(SignInStatus.NameTooLong, null);
        var name = StaffStore.NormalizeName(userName);
        var network = SignInFailures.Network(client);
        var now = _time.GetUtcNow();
        var account = _accounts.Find(name);
        if (account is null || account.Disabled || account.LockedUntil > now || await _failures.IsLockedOutAsync(name, network, cancellationToken).ConfigureAwait(false))
        {
            // Hash anyway, so that unknown, disabled and locked names take as long as the others.
            _hasher.VerifyHashedPassword(new StaffAccount(), DummyHash, password);
            if (account?.LockedUntil > now || await _failures.IsLockedOutAsync(name, network, cancellationToken).ConfigureAwait(false)) return new SignInOutcome(SignInStatus.LockedOut, null);
            return new SignInOutcome(await _failures.AddAsync(name, network, cancellationToken).ConfigureAwait(false) ? SignInStatus.LockedOut : SignInStatus.Failed, null);
        }

        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        var rehashed = result == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(account, password) : null;
        // Read again: the address may have been locked out, and the account changed, while the password was being checked.
        var addressLocked = await _failures.IsLockedOutAsync(name, network, cancellationToken).ConfigureAwait(false);
        var (outcome, wrongPassword) = _accounts.Change(account.Id, current =>
        {
            // A new password or a disable meanwhile: this check was against what no longer holds.
            if (current is null || current.Disabled || current.PasswordHash != account.PasswordHash) return ((new SignInOutcome(SignInStatus.Failed, null), false), false);
            if (addressLocked || current.LockedUntil > now) return ((new SignInOutcome(SignInStatus.LockedOut, null), false), false);
            if (result == PasswordVerificationResult.Failed)
            {
                var accountLocked = CountFailingAddress(current, network, now);
                return ((new SignInOutcome(accountLocked ? SignInStatus.LockedOut : SignInStatus.Failed, null), true), true);
            }
            if (rehashed is not null) current.PasswordHash = rehashed;
            current.ClearLockOut();
            return ((new SignInOutcome(SignInStatus.Succeeded, current), false), true);
        });
        // The address's count is kept outside the accounts' gate: in Redis it is a round trip, never to be waited for
        // under a lock every sign-in and account change takes.
        if (wrongPassword)
            return await _failures.AddAsync(name, network, cancellationToken).ConfigureAwait(false) ? new SignInOutcome(SignInStatus.LockedOut, null) : outcome;
        if (outcome.Status == SignInStatus.Succeeded) await _failures.ClearAsync(name, network, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Clears a sign-in lock-out: the account's own, and every address's on its name.</summary>
    public async Task UnlockAsync(string userName, CancellationToken cancellationToken = default)
    {
        _accounts.ClearLockOut(userName);
        await _failures.ClearAsync(StaffStore.NormalizeName(userName), cancellationToken).ConfigureAwait(false);
    }

    // Notes the address (a digest of it: the records file keeps no addresses) among those that failed since the
    // account last signed in; the MaxFailingAddresses-th locks the account. Under the accounts' gate.
    private static bool CountFailingAddress(StaffAccount account, string network, DateTimeOffset now)
    {
        var digest = KeyDigest.Of(network);
        if (!account.FailedFrom.Contains(digest)) account.FailedFrom.Add(digest);
        account.FailedSignIns = account.FailedFrom.Count;
        if (account.FailedFrom.Count < MaxFailingAddresses) return false;
        account.ClearLockOut();
        account.LockedUntil = now + LockoutDuration;
        return true;
    }
}
