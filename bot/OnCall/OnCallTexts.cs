namespace ChatAssistant.OnCall;

/// <summary>What the on-call API answers staff (shown in the console).</summary>
public static class OnCallTexts
{
    public const string NotFound = "没有这条值班安排（配置文件里的安排不能在这里修改）。";
    public const string OtherCounty = "只能安排自己区县的值班。";
    public const string UnknownStaff = "没有这个工作人员账号，或账号已停用。";
    public const string BadPreference = "提醒方式只能是 urgent（只提醒紧急）、all（全部）或 none（不提醒）。";
    public const string BadWeComUser = "企业微信账号太长了，请填写成员的账号（UserID）。";
    public const string WeComUserTaken = "这个企业微信账号已经关联了另一个工作人员。";
}
