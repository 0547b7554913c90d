namespace ChatAssistant.Conversation.Routing;

/// <summary>Who a user is to the assistant: what their WeChat account is bound to (both, one, or nothing).</summary>
[Flags]
public enum UserRoles
{
    /// <summary>Not bound: a young person, a parent, anyone.</summary>
    None = 0,

    /// <summary>Bound to a volunteer of the roster (hours, points, redemption).</summary>
    Volunteer = 1,

    /// <summary>Bound to a youth-league delegate of the roster (duty booking).</summary>
    Delegate = 2,
}

/// <summary>Tells routing who a user is; the identity feature knows (<c>IdentityUserRoles</c>).</summary>
public interface IUserRoles
{
    UserRoles Of(string userId);
}

/// <summary>Without the identity feature, nobody is bound.</summary>
internal sealed class NoUserRoles : IUserRoles
{
    public UserRoles Of(string userId) => UserRoles.None;
}
