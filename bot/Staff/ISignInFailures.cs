namespace ChatAssistant.Staff;

/// <summary>
/// Wrong passwords per (sign-in name, client network): <see cref="StaffSignIn.MaxFailedSignIns"/> within
/// <see cref="StaffSignIn.FailureMemory"/> of each other lock that network out of that name for
/// <see cref="StaffSignIn.LockoutDuration"/>. In this process (<see cref="SignInFailures"/>) when the cache is, in Redis
/// for every instance (<see cref="SharedSignInFailures"/>) when it is shared, so a guesser spread over the instances
/// gets five tries in all.
/// </summary>
public interface ISignInFailures
{
    /// <summary>Whether <paramref name="network"/> is locked out of <paramref name="name"/> now.</summary>
    Task<bool> IsLockedOutAsync(string name, string network, CancellationToken cancellationToken);

    /// <summary>One more wrong password; true when it locks the network out of the name.</summary>
    Task<bool> AddAsync(string name, string network, CancellationToken cancellationToken);

    /// <summary>Forgets one network's failures for a name (it signed in).</summary>
    Task ClearAsync(string name, string network, CancellationToken cancellationToken);

    /// <summary>Lifts every network's lock-out of a name (an admin unlocked it).</summary>
    Task ClearAsync(string name, CancellationToken cancellationToken);

    /// <summary>Records kept in this process's memory now (for monitoring and tests).</summary>
    int TrackedHere { get; }
}
