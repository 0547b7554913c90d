using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatAssistant.Identity;

/// <summary>DI and staff endpoints of the identity module (/api/staff/rosters).</summary>
public static class IdentityRegistration
{
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IdentityService>();
        services.AddFeature<IdentityFlow>(new Intent
        {
            Id = "identity.bind",
            FlowId = IdentityFlow.FlowId,
            Keywords = ["绑定", "绑定身份", "绑定码", "身份绑定", "bind"],
            Patterns = [new Regex(@"^\s*\d{8}\s*$")],
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/rosters");
        group.MapPost("/{kind}/import", async (string kind, HttpContext http, IdentityService identity) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            // Read the body asynchronously first: the importer is synchronous and Kestrel forbids sync reads.
            using var body = new StreamReader(http.Request.Body);
            var result = identity.Import(k, new StringReader(await body.ReadToEndAsync(http.RequestAborted)), http.User.Scope());
            return result.Ok ? Results.Ok(result) : Results.BadRequest(result);
        });
        group.MapGet("/{kind}", (string kind, HttpContext http, IdentityService identity) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            return Results.Ok(identity.Members(k, http.User.Scope()).Select(m => new { m.MemberId, m.Name, m.District, Bound = m.OpenId is not null, m.BoundAt }));
        });
        group.MapPost("/{kind}/{memberId}/code", (string kind, string memberId, HttpContext http, IdentityService identity) =>
        {
            if (!TryKind(kind, out var k)) return UnknownKind();
            var member = identity.FindByMemberId(k, memberId);
            if (member is null || !http.User.CanSee(member.District)) return Results.NotFound(new { error = "名单中没有这个编号，或不在你的管理范围。" });
            var code = identity.IssueCode(k, memberId);
            return Results.Ok(new { code = code.Code, expiresAt = code.ExpiresAt });
        });
        return endpoints;
    }

    internal static bool TryKind(string text, out RosterKind kind)
    {
        kind = text.ToLowerInvariant() switch { "delegate" or "delegates" => RosterKind.Delegate, "volunteer" or "volunteers" => RosterKind.Volunteer, _ => (RosterKind)(-1) };
        return Enum.IsDefined(kind);
    }

    private static IResult UnknownKind() => Results.BadRequest(new { error = "名单类型应为 delegate（团代表）或 volunteer（志愿者）。" });
}
