using ChatAssistant.Staff;
using ChatAssistant.Storage;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Identity;

/// <summary>
/// Rosters and account binding: staff import people and issue one-time codes; a person binds their OpenID
/// by sending the code (single use, expires, a few wrong codes then a lockout; too many wrong codes from all
/// users in an hour pause binding, see <see cref="WrongCodeLimit"/>). Codes are stored keyed
/// (<see cref="BindingCodeHasher"/>), never in clear.
/// </summary>
public sealed class IdentityService
{
    public const int MaxWrongCodes = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(72);
    public static readonly TimeSpan Lockout = TimeSpan.FromHours(1);

    private readonly IRosterStore _store;
    private readonly TimeProvider _time;
    private readonly BindingCodeHasher _hasher;
    private readonly WrongCodeLimit _wrongCodes;
    private readonly ILogger<IdentityService> _log;

    public IdentityService(IRosterStore store, TimeProvider time, BindingCodeHasher hasher, WrongCodeLimit wrongCodes, ILogger<IdentityService> log)
    {
        _store = store;
        _time = time;
        _hasher = hasher;
        _wrongCodes = wrongCodes;
        _log = log;
        RetireLegacyCodes();
    }

    // Codes issued before codes were keyed (plain SHA-256: a copy of the records file gave every live one away)
    // stop working: they are expired here, and one typed later is answered as expired (BindChecked). Staff issue
    // new codes to whoever still has to bind.
    private void RetireLegacyCodes()
    {
        var retired = _store.Exclusively(() => _store.ExpireCodesNotOf(BindingCodeHasher.HmacScheme, _time.GetUtcNow()));
        if (retired > 0)
            _log.LogWarning("{Count} binding codes issued before this version no longer work (codes are now keyed with Identity:CodeSecret); issue new ones (roster code) to the people who have not bound yet", retired);
    }

    /// <summary>The member of <paramref name="kind"/> bound to <paramref name="openId"/>, or null. Shared: do not change it.</summary>
    public RosterMember? FindByOpenId(RosterKind kind, string openId) =>
        string.IsNullOrEmpty(openId) ? null : _store.BoundTo(openId).FirstOrDefault(m => m.Kind == kind);

    /// <summary>The member (volunteer first, then delegate) <paramref name="openId"/> is bound to, or null.</summary>
    public RosterMember? BoundMember(string openId)
    {
        if (string.IsNullOrEmpty(openId)) return null;
        var bound = _store.BoundTo(openId);
        return bound.FirstOrDefault(m => m.Kind == RosterKind.Volunteer) ?? bound.FirstOrDefault(m => m.Kind == RosterKind.Delegate);
    }

    public RosterMember? FindByMemberId(RosterKind kind, string memberId) => _store.FindMember(kind, memberId);

    public IReadOnlyList<RosterMember> Members(RosterKind kind) => Members(kind, StaffScope.Everything);

    /// <summary>The members whose district is within <paramref name="scope"/>.</summary>
    public IReadOnlyList<RosterMember> Members(RosterKind kind, StaffScope scope) =>
        _store.Members(kind).Where(m => scope.Covers(m.District))
            .OrderBy(m => m.MemberId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Imports a roster CSV: every bad line is reported and nothing is written unless all lines are good.
    /// Existing people are updated in place and keep their binding. <paramref name="onlyDistrict"/> limits a
    /// district's staff to their own people.
    /// </summary>
    public RosterImportResult Import(RosterKind kind, TextReader csv, string? onlyDistrict = null) =>
        Import(kind, csv, onlyDistrict is null ? StaffScope.Everything : StaffScope.Of(onlyDistrict, [onlyDistrict]));

    /// <summary>The same, limiting staff to the people of the districts within <paramref name="scope"/>.</summary>
    public RosterImportResult Import(RosterKind kind, TextReader csv, StaffScope scope)
    {
        var (rows, errors) = RosterCsv.Read(csv);
        // Exclusively: a binding running meanwhile would write back its older copy of a member, and two districts'
        // imports of one new id must not both pass the scope check before either writes (on any instance).
        var outcome = _store.Exclusively(() =>
        {
            var all = errors.Concat(scope.IsEverything ? [] : ScopeErrors(kind, rows, scope)).ToList();
            if (all.Count > 0) return new RosterImportResult(false, 0, 0, all.OrderBy(e => e.Line).ToList());
            if (rows.Count == 0) return new RosterImportResult(false, 0, 0, [new LineError(2, IdentityTexts.ImportNoRows)]);
            int added = 0, updated = 0;
            foreach (var row in rows)
            {
                var existing = FindByMemberId(kind, row.MemberId);
                var member = existing ?? new RosterMember { Kind = kind, MemberId = row.MemberId, Key = RosterMember.KeyOf(kind, row.MemberId) };
                member.Name = row.Name;
                member.District = row.District;
                member.Phone = row.Phone;
                if (existing is null) { _store.Add(member); added++; }
                else { _store.Update(member); updated++; }
            }
            return new RosterImportResult(true, added, updated, []);
        });
        if (!outcome.Ok) return outcome;
        _log.LogInformation("Roster {Kind} imported: {Added} added, {Updated} updated", kind, outcome.Added, outcome.Updated);
        ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Import("roster");
        return outcome;
    }

    // A district's staff may write only rows of their district, and only about people who are not on another
    // district's roster already: updating such a row would move that person (binding included) into their
    // district. Moving people between districts is for admins (no scope).
    private IEnumerable<LineError> ScopeErrors(RosterKind kind, IReadOnlyList<RosterRow> rows, StaffScope scope)
    {
        foreach (var row in rows)
        {
            if (!scope.Covers(row.District)) yield return new LineError(row.Line, IdentityTexts.ImportOutOfScope(row.District, scope.Name ?? ""));
            else if (FindByMemberId(kind, row.MemberId) is { } existing && !scope.Covers(existing.District))
                yield return new LineError(row.Line, IdentityTexts.ImportOtherDistrictMember(row.MemberId));
        }
    }

    /// <summary>
    /// Issues a one-time 8-digit code for a person on the roster. The person's earlier unused codes expire: only
    /// the newest code handed out can bind, so a code given to the wrong person is withdrawn by issuing another.
    /// </summary>
    public IssuedCode IssueCode(RosterKind kind, string memberId)
    {
        if (FindByMemberId(kind, memberId) is null) throw new ArgumentException($"名单中没有编号 {memberId}。");
        var now = _time.GetUtcNow();
        var expires = now + CodeLifetime;
        return _store.Exclusively(() =>
        {
            _store.ExpireCodesOf(kind, memberId, now);
            while (true)
            {
                var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
                var hash = _hasher.Hash(code);
                // The same 8 digits were issued before (any member, any time): draw again.
                if (_store.FindCode(hash) is not null) continue;
                _store.AddCode(new BindingCode { CodeHash = hash, Scheme = BindingCodeHasher.HmacScheme, Kind = kind, MemberId = memberId, ExpiresAt = expires });
                return new IssuedCode(code, expires);
            }
        });
    }

    /// <summary>
    /// Binds <paramref name="openId"/> with a code ("12345678", "1234 5678", "1234-5678"). Wrong, expired and used
    /// codes all count towards the OpenID's lockout and towards the hour's limit for all users; while that limit
    /// holds (<see cref="BindStatus.Paused"/>) no code is checked at all, not even a right one. (Not "BindAsync":
    /// minimal APIs would take an instance method of that name on an endpoint's parameter for a custom binder.)
    /// </summary>
    public async Task<BindResult> BindWithCodeAsync(string openId, string code, CancellationToken cancellationToken = default)
    {
        if (await _wrongCodes.IsPausedAsync(cancellationToken).ConfigureAwait(false))
        {
            _log.LogInformation("Binding refused: paused for all users this hour");
            return new BindResult(BindStatus.Paused, null);
        }
        var (result, wrong) = BindChecked(openId, code);
        if (wrong) await _wrongCodes.CountAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    // The check itself, exclusively and without awaiting; Wrong: a code was checked and did not bind.
    private (BindResult Result, bool Wrong) BindChecked(string openId, string code) => _store.Exclusively(() =>
        {
            var now = _time.GetUtcNow();
            var attempts = _store.FindAttempts(openId) ?? new BindingAttempts { Id = openId };
            if (attempts.LockedUntil is { } until && until > now) return (new BindResult(BindStatus.LockedOut, null), false);

            var digits = BindingCodeText.Normalize(code);
            var record = digits is null ? null : _store.FindCode(_hasher.Hash(digits));
            // A code of the version before keyed codes: it no longer works, and the person hears it expired.
            var legacy = record is null && digits is not null
                && _store.FindCode(BindingCodeHasher.LegacyHash(digits)) is { Scheme: not BindingCodeHasher.HmacScheme };
            var status = record is null ? (legacy ? BindStatus.Expired : BindStatus.WrongCode)
                : record.UsedAt is not null ? BindStatus.AlreadyUsed
                : record.ExpiresAt <= now ? BindStatus.Expired
                : BindStatus.Bound;
            var member = status == BindStatus.Bound ? FindByMemberId(record!.Kind, record.MemberId) : null;
            if (status == BindStatus.Bound && member is null) status = BindStatus.WrongCode; // removed from the roster since
            if (member?.OpenId is { Length: > 0 } current && current != openId)
            {
                // A right code, but the person is bound to another account: taking it over silently would lock out
                // the owner. Nothing changes (the code stays usable, no failure counted); staff unbind first.
                _log.LogInformation("Binding refused: roster member {MemberKey} is bound to another account", member.Id);
                return (new BindResult(BindStatus.BoundToAnotherAccount, null, Math.Max(MaxWrongCodes - attempts.Failures, 0)), false);
            }

            if (status != BindStatus.Bound && BoundMember(openId) is { } already)
            {
                // 「绑定 …」 from an account already bound (its own code again, an old one): told so, and none of its
                // attempts is used. A code that is not its own still counts towards the hourly limit for all users, so a
                // bound account cannot guess codes without end.
                var own = record is not null && record.Kind == already.Kind && record.MemberId == already.MemberId;
                _log.LogInformation("Binding not needed: the account is already bound ({Status})", status);
                return (new BindResult(BindStatus.AlreadyBound, already, Math.Max(MaxWrongCodes - attempts.Failures, 0)), !own);
            }

            if (status != BindStatus.Bound)
            {
                attempts.Failures++;
                var left = MaxWrongCodes - attempts.Failures;
                if (left <= 0)
                {
                    attempts.LockedUntil = now + Lockout;
                    attempts.Failures = 0;
                    status = BindStatus.LockedOut;
                }
                _store.SaveAttempts(attempts);
                _log.LogInformation("Binding refused: {Status}", status);
                return (new BindResult(status, null, Math.Max(left, 0)), true);
            }

            var bound = member!;
            // Marked used by a conditional write, so the records themselves keep a code to one binding.
            if (!_store.MarkUsed(record!.CodeHash, now)) return (new BindResult(BindStatus.AlreadyUsed, null, Math.Max(MaxWrongCodes - attempts.Failures, 0)), true);
            // One OpenID is one person per roster: drop an older binding of this account.
            foreach (var previous in _store.BoundTo(openId).Where(m => m.Kind == bound.Kind && m.Id != bound.Id).ToList())
            {
                var unbound = FindByMemberId(previous.Kind, previous.MemberId)!;
                unbound.OpenId = null;
                unbound.BoundAt = null;
                _store.Update(unbound);
            }
            bound.OpenId = openId;
            bound.BoundAt = now;
            _store.Update(bound);
            _store.DeleteAttempts(openId);
            _log.LogInformation("Roster member {MemberKey} bound", bound.Id);
            return (new BindResult(BindStatus.Bound, bound), false);
        });

    /// <summary>
    /// Removes a person's binding (staff, e.g. when someone changed WeChat account). A valid code they hold keeps
    /// working, so the new account can bind with it at once. False when the person is not on the roster or not bound.
    /// </summary>
    public bool Unbind(RosterKind kind, string memberId)
    {
        return _store.Exclusively(() =>
        {
            var member = FindByMemberId(kind, memberId);
            if (member?.OpenId is null) return false;
            member.OpenId = null;
            member.BoundAt = null;
            _store.Update(member);
            _log.LogInformation("Roster member {MemberKey} unbound by staff", member.Id);
            return true;
        });
    }
}
