namespace ChatAssistant.Booking.Door;

/// <summary>The door screen's code, or WeChat's error code (ours for "not configured" / "unreachable") when none could be made.</summary>
public sealed record DoorCodeResult(DoorCode? Code, int ErrCode = 0);
