
namespace ChatAssistant.Staff;

/// <summary>Staff roles. Admins see everything; staff see only their scope (a district or workshop).</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Staff = "staff";

    public static bool IsValid(string role) => role is Admin or Staff;
}
