using ChatAssistant.Conversation.Routing;

namespace ChatAssistant.Identity;

/// <summary>Who a WeChat user is for routing: the rosters their account is bound to (read from the bound-member cache).</summary>
public sealed class IdentityUserRoles(IdentityService identity) : IUserRoles
{
    public UserRoles Of(string userId) =>
        (identity.FindByOpenId(RosterKind.Volunteer, userId) is null ? UserRoles.None : UserRoles.Volunteer)
        | (identity.FindByOpenId(RosterKind.Delegate, userId) is null ? UserRoles.None : UserRoles.Delegate);

    /// <summary>The role a roster kind gives.</summary>
    public static UserRoles RoleOf(RosterKind kind) => kind == RosterKind.Delegate ? UserRoles.Delegate : UserRoles.Volunteer;
}
