namespace ChatAssistant.Booking;

/// <summary>How attendance is named in the staff API (<c>self_reported</c>…) and in the rota (自报待确认…).</summary>
public static class AttendanceNames
{
    public const string SelfReported = "self_reported";

    public static string Of(Attendance attendance) => attendance switch
    {
        Attendance.Attended => "attended",
        Attendance.Absent => "absent",
        Attendance.SelfReported => SelfReported,
        _ => "unknown",
    };

    /// <summary>What staff may set: attended (which also confirms a self-reported check-in), absent or unknown.</summary>
    public static bool TryParseStaffChoice(string? name, out Attendance attendance)
    {
        attendance = name?.Trim().ToLowerInvariant() switch
        {
            "attended" => Attendance.Attended,
            "absent" => Attendance.Absent,
            "unknown" => Attendance.Unknown,
            _ => Attendance.SelfReported,
        };
        return attendance != Attendance.SelfReported;
    }

    /// <summary>The rota's 出勤 column.</summary>
    public static string Chinese(string name) => name switch
    {
        "attended" => "出勤",
        "absent" => "缺勤",
        SelfReported => "自报待确认",
        _ => "未记录",
    };
}
