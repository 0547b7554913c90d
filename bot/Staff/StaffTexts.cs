namespace ChatAssistant.Staff;

/// <summary>Messages of the staff API (staff read Chinese too).</summary>
public static class StaffTexts
{
    public const string BadCredentials = "用户名或密码不正确。";
    public const string LockedOut = "登录失败次数过多，已临时锁定 15 分钟，请稍后再试或联系管理员解锁。";
    public const string CsrfMissing = "请求缺少有效的安全令牌（X-CSRF-TOKEN），请刷新页面后重试。";
    public const string TooManyRequests = "尝试过于频繁，请一分钟后再试。";
    public const string UnknownAccount = "没有这个账号，请检查用户名。";
    public const string UnknownToken = "这个账号没有这个令牌，请刷新令牌列表后再试。";
    public const string LastAdmin = "这是最后一位可用的管理员，不能停用；请先启用或新建另一位管理员。";
    public const string CannotDisableSelf = "不能停用自己正在使用的账号，请让另一位管理员操作。";
    public static string UploadTooLarge(long megabytes) => $"文件太大（上限 {megabytes} MB），请拆开分批导入。";

    public static string CannotReadFile(string path, string reason) => $"无法读取文件 {path}（{reason}），请检查路径和权限后重试。";

    public const string NotUtf8 = "文件不是 UTF-8 编码，请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后重新导入。";
    public const string UserNameLength = "用户名需要 2 到 40 个字符，请换一个。";
    public const string UserNameTooLong = "用户名太长了（最多 64 个字符），请检查后重新输入。";
    public const string UnknownRole = "角色只能是 admin（管理员）或 staff（工作人员）。";
    public const string ScopeRequired = "工作人员账号需要填写负责的区县或工作室（scope）。";
    public const string NameTaken = "这个用户名已经有人用了，请换一个。";
    public const string DisplayNameLength = "显示名最多 40 个字符，请缩短后再保存。";
    public const string PasswordLength = "密码至少需要 10 个字符，请换一个更长的密码。";
    public const string LastAdminRole = "这是最后一位可用的管理员，不能改为普通工作人员；请先启用或新建另一位管理员。";
}
