using System.Globalization;
using System.Security.Claims;

namespace ChatAssistant.Staff;

/// <summary>
/// Console sessions: whether a signed-in member still is (the account enabled and unchanged since, the session not
/// signed out), and the sessions signed out, kept until their cookie would have expired anyway.
/// </summary>
public sealed class StaffSessions
{
    private readonly IStaffRecords _records;
    private readonly StaffStore _accounts;
    private readonly TimeProvider _time;

    public StaffSessions(IStaffRecords records, StaffStore accounts, TimeProvider time)
    {
        _records = records;
        _accounts = accounts;
        _time = time;
    }

    /// <summary>
    /// Ends one console session (sign-out): its cookie is refused from now on, also where a copy of it is still
    /// held (another tab's event stream, a stolen cookie). Kept until <paramref name="until"/>, when the cookie
    /// would have expired anyway.
    /// </summary>
    public void End(string sessionId, DateTimeOffset until) => _records.EndSession(sessionId, until, _time.GetUtcNow());

    /// <summary>Whether the console session <paramref name="sessionId"/> was signed out.</summary>
    public bool Ended(string sessionId) => _records.SessionEnded(sessionId);

    /// <summary>Whether the account behind <paramref name="principal"/> is enabled and unchanged since it signed in.</summary>
    public bool StillSignedIn(ClaimsPrincipal principal)
    {
        if (!int.TryParse(principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        // Sessions from before the claim existed carry none: version 0, as every account had then.
        var version = principal.FindFirst(StaffAuthentication.SessionClaim)?.Value ?? "0";
        // A signed-out session stays out, even where a copy of its cookie (or an open event stream) survives.
        if (principal.FindFirst(StaffAuthentication.SessionIdClaim)?.Value is { } sessionId && Ended(sessionId)) return false;
        return _accounts.FindById(id) is { Disabled: false } account
            && version == account.SessionVersion.ToString(CultureInfo.InvariantCulture);
    }
}
