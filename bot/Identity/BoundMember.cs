using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Identity;

/// <summary>The check every personal flow starts with: the bound roster member, or a message on how to bind.</summary>
public static class BoundMember
{
    /// <summary>The member bound to this chat user, or null after telling the user how to bind.</summary>
    public static async Task<RosterMember?> RequireAsync(this IdentityService identity, FlowContext ctx, RosterKind kind, CancellationToken ct)
    {
        var member = identity.FindByOpenId(kind, ctx.UserId);
        if (member is null) await ctx.SendAsync(IdentityTexts.NotBound(kind), ct);
        return member;
    }
}
