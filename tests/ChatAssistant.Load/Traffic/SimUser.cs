namespace ChatAssistant.Load.Traffic;

/// <summary>One message a simulated user sends: text, or a menu click (CLICK event with <see cref="Key"/>).</summary>
public sealed record Step(string Kind, string? Text, string? Key = null);

/// <summary>
/// A simulated WeChat user (bound as a delegate and as a volunteer) who runs episodes of the realistic mix one
/// message at a time: the next message depends on the last reply (a booking goes on only when the list or the
/// confirmation question came back).
/// </summary>
public sealed class SimUser(string openId, int seed, IReadOnlyList<string> guideQuestions, IReadOnlyList<(string Kind, int Weight)>? mix = null, int account = 0)
{
    /// <summary>The Official Account the user writes to: 0 the default one, k the k-th of <see cref="LoadAccounts"/>.</summary>
    public int Account { get; } = account;

    /// <summary>Weights of the realistic mix: guide questions most, then bookings, hour queries, help requests, menu clicks.</summary>
    public static readonly (string Kind, int Weight)[] RealisticMix = [("guide", 50), ("booking", 15), ("hours", 15), ("help", 10), ("menu", 10)];

    private readonly IReadOnlyList<(string Kind, int Weight)> _mix = mix ?? RealisticMix;
    private static readonly string[] MenuKeys = ["GUIDE", "HOURS", "BOOKING", "HELP_REQUEST"];

    private readonly Random _random = new(seed);
    private readonly Queue<Step> _pending = new();
    private string? _episode;
    private int _episodeStep;
    private bool _withAPerson;

    public string OpenId { get; } = openId;

    private long _lastClickSecond;

    /// <summary>
    /// The <c>CreateTime</c> of this user's next menu click: the current second, or the one after this user's last
    /// click if that is later. WeChat's events carry no MsgId, so the adapter tells a retry from a new click by user,
    /// CreateTime and key; a real user cannot click twice in one second, a simulated one can, and this keeps every
    /// click its own event while its CreateTime stays the real time (the adapter groups a message's keys by it).
    /// A user sends one message at a time, like the rest of this class's state, so no lock is needed.
    /// </summary>
    public long NextClickSecond() =>
        _lastClickSecond = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), _lastClickSecond + 1);

    /// <summary>Notes from a reply whether the conversation is now with a person (every runner calls it on every reply).</summary>
    public void Observe(string? reply)
    {
        if (reply is null) return;
        if (reply.Contains("回复「结束人工」", StringComparison.Ordinal)) _withAPerson = true;
        else if (reply.Contains("已结束人工服务", StringComparison.Ordinal) || reply.Contains("没有在人工服务中", StringComparison.Ordinal)) _withAPerson = false;
    }

    /// <summary>The next message, given the text of the previous reply (null when it was empty or "success").</summary>
    public Step Next(string? lastReply)
    {
        // Some guide questions ask for a person (「人工客服在吗」): the conversation goes to staff and the bot
        // stays quiet from then on. A real user would wait for staff; a simulated one goes back to self-service.
        // The state is the user's own, not read from the last reply alone: a baseline phase in between answers
        // 「收到」, and a phase with another runner (safe mode) starts without the last reply; either would otherwise
        // leave the user with a person, silent, in the next full-path phase.
        Observe(lastReply);
        if (_withAPerson)
        {
            _episode = null;
            _pending.Clear();
            return new Step("handoff", "结束人工");
        }
        if (_episode == "booking" && _episodeStep > 0)
        {
            var step = BookingContinuation(lastReply);
            if (step is not null) return step;
        }
        if (_pending.Count > 0) return _pending.Dequeue();
        return StartEpisode();
    }

    private Step? BookingContinuation(string? reply)
    {
        _episodeStep++;
        if (reply is null) { _episode = null; return null; }
        if (_episodeStep == 2 && reply.Contains("回复序号", StringComparison.Ordinal)) return new Step("booking", "1");
        if (reply.Contains("回复「是」确认", StringComparison.Ordinal)) return new Step("booking", "是");
        _episode = null;
        return null;
    }

    private Step StartEpisode()
    {
        var roll = _random.Next(_mix.Sum(m => m.Weight));
        var kind = _mix.First(m => (roll -= m.Weight) < 0).Kind;
        _episode = kind;
        _episodeStep = 0;
        switch (kind)
        {
            case "booking":
                _episodeStep = 1;
                return new Step(kind, _random.Next(3) == 0 ? "下周三下午两点到四点去值班" : "预约值班");
            case "hours":
                return new Step(kind, _random.Next(2) == 0 ? "我的时长" : "我的积分");
            case "help":
                _pending.Enqueue(new Step(kind, "取消"));
                return new Step(kind, "求助");
            case "menu":
                var key = MenuKeys[_random.Next(MenuKeys.Length)];
                // A booking click opens a numbered list; leave it so the next episode starts clean.
                if (key == "BOOKING") _pending.Enqueue(new Step(kind, "取消"));
                return new Step(kind, null, key);
            default:
                return new Step(kind, guideQuestions[_random.Next(guideQuestions.Count)]);
        }
    }
}
