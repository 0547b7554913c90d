using ChatAssistant.Adapters;
using System.Text.RegularExpressions;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using ChatAssistant.Identity.LiteDb;
using ChatAssistant.Identity.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Identity;

/// <summary>DI and staff endpoints of the identity module (/api/staff/rosters).</summary>
public static class IdentityRegistration
{
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddSettings<IdentityOptions, IdentityOptionsValidator>(IdentityOptions.Section);
        // The secret is bound apart, so that reading the other settings does not validate it: only the start does.
        services.AddSettings<CodeSecretOptions, CodeSecretOptionsValidator>(IdentityOptions.Section);
        services.AddSingleton(sp => new BindingCodeHasher(() => CodeSecretSource.Load(
            sp.GetRequiredService<IOptions<CodeSecretOptions>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CodeSecretSource).FullName!))));
        services.AddSingleton<WrongCodeLimit>();
        services.AddRecordStore<IRosterStore, LiteRosterStore, PostgresRosterStore>();
        services.AddSingleton<IRecordsTableCopy>(PostgresRosterStore.CopyMembers());
        services.AddSingleton<IRecordsTableCopy>(PostgresRosterStore.CopyCodes());
        services.AddSingleton<IRecordsTableCopy>(PostgresRosterStore.CopyAttempts());
        services.AddSingleton<IdentityService>();
        services.AddSingleton<IUserRoles, IdentityUserRoles>();
        services.AddFeature<IdentityFlow>(
            new Intent
            {
                Id = "identity.bind",
                FlowId = IdentityFlow.FlowId,
                Keywords = ["绑定", "绑定身份", "绑定码", "身份绑定", "bind"],
                Patterns = [new Regex(@"^\s*\d{8}\s*$")],
            },
            // "1234 5678" alone starts binding too, but never in the middle of another flow: there it is that flow's
            // answer (a time range "0900-1100", say), not a binding attempt counted as a wrong code.
            new Intent
            {
                Id = "identity.bind.grouped",
                FlowId = IdentityFlow.FlowId,
                Patterns = [BindingCodeText.Whole()],
                Interrupts = false,
            });
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/rosters");
        group.MapPost("/{kind}/import", async (string kind, HttpContext http, IdentityService identity) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            var (text, refusal) = await Utf8Upload.ReadUploadAsync(http.Request, http.RequestAborted);
            if (text is null) return refusal!;
            var result = identity.Import(k, new StringReader(text), http.User.StaffScope());
            return result.Ok ? Results.Ok(result) : Results.BadRequest(result);
        });
        group.MapGet("/{kind}", (string kind, HttpContext http, IdentityService identity, AssistantClock clock, AuditLog audit) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            var members = identity.Members(k, http.User.StaffScope());
            // Names of people (volunteers include minors): who read the list is on record, like a ticket's detail.
            audit.Record(http.User.Actor(), ListAction, $"roster:{k.ToString().ToLowerInvariant()}", $"{members.Count} members");
            return Results.Ok(members.Select(m => new
            {
                m.MemberId,
                m.Name,
                m.District,
                Bound = m.OpenId is not null,
                BoundAt = m.BoundAt is { } at ? clock.ToLocal(at) : (DateTimeOffset?)null, // Beijing time, as staff read it
            }));
        });
        group.MapPost("/{kind}/{memberId}/code", (string kind, string memberId, HttpContext http, IdentityService identity, AssistantClock clock, AuditLog audit) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            var member = identity.FindByMemberId(k, memberId);
            if (member is null || !http.User.CanSee(member.District)) return Results.NotFound(new { error = IdentityTexts.MemberNotFound });
            var code = identity.IssueCode(k, memberId);
            // Whoever holds the code can act as this person in the chat (hours, points, duties): on record, without the code.
            audit.Record(http.User.Actor(), CodeAction, Subject(k, member.MemberId));
            return Results.Ok(new { code = code.Code, expiresAt = clock.ToLocal(code.ExpiresAt) });
        });
        group.MapPost("/{kind}/{memberId}/unbind", (string kind, string memberId, HttpContext http, IdentityService identity, AuditLog audit) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            var member = identity.FindByMemberId(k, memberId);
            if (member is null || !http.User.CanSee(member.District)) return Results.NotFound(new { error = IdentityTexts.MemberNotFound });
            if (!identity.Unbind(k, memberId)) return Results.Conflict(new { error = IdentityTexts.NothingToUnbind });
            audit.Record(http.User.Actor(), UnbindAction, Subject(k, memberId));
            return Results.Ok(new { ok = true });
        });
        return endpoints;
    }

    /// <summary>The audit action of a staff unbinding.</summary>
    public const string UnbindAction = "roster.unbind";

    /// <summary>The audit action of a staff member reading a roster (names of people).</summary>
    public const string ListAction = "roster.list";

    /// <summary>The audit action of issuing a binding code.</summary>
    public const string CodeAction = "roster.code";

    /// <summary>How the audit log names a roster member (ids only, nothing personal).</summary>
    public static string Subject(RosterKind kind, string memberId) => $"roster:{kind.ToString().ToLowerInvariant()}:{memberId}";

    internal static bool TryKind(string text, out RosterKind kind)
    {
        kind = text.ToLowerInvariant() switch { "delegate" or "delegates" => RosterKind.Delegate, "volunteer" or "volunteers" => RosterKind.Volunteer, _ => (RosterKind)(-1) };
        return Enum.IsDefined(kind);
    }

    private static IResult UnknownKind() => Results.BadRequest(new { error = "名单类型应为 delegate（团代表）或 volunteer（志愿者）。" });
}
