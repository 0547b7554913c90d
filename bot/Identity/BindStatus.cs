namespace ChatAssistant.Identity;

public enum BindStatus
{
    Bound,
    WrongCode,
    Expired,
    AlreadyUsed,
    LockedOut,

    /// <summary>Too many wrong codes from all users this hour: binding is paused for everyone, no code was checked.</summary>
    Paused,

    /// <summary>The code is right, but the person is bound to another WeChat account (staff must unbind first).</summary>
    BoundToAnotherAccount,

    /// <summary>The account is already bound and the code binds nothing new: said so, no attempt of theirs used.</summary>
    AlreadyBound,
}
