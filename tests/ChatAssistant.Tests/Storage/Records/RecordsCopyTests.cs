using ChatAssistant.Booking;
using ChatAssistant.Booking.Door;
using ChatAssistant.Feedback;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Booking;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Storage.Records;

/// <summary><c>records copy</c>: a LiteDB records file made by this version into an empty PostgreSQL database and back.</summary>
public sealed class RecordsCopyTests
{
    private static DateTimeOffset At(int month, int day, int hour) => BookingTestData.At(month, day, hour);

    [SkippableFact]
    public async Task Records_copied_to_postgres_and_back_keep_every_count_and_id_and_new_ids_follow_them()
    {
        using var database = PostgresServer.CreateDatabase();
        using var liteData = new TempDirectory("copy-from");
        int studioId, keyId, feedbackId;
        List<int> bookings;
        string unusedCode, token, tokenId;
        int ticketId;
        string escalationId;
        IReadOnlyList<string>[] answers;
        var liteSettings = BookingTestData.NoDemo();
        liteSettings["Identity:CodeSecret"] = database.Settings()["Identity:CodeSecret"]; // the codes must still bind on PostgreSQL
        liteSettings["Disputes:EncryptionKey"] = database.Settings()["Disputes:EncryptionKey"]; // and the transcripts still open
        await using (var bot = BotHarness.Create(settings: liteSettings, dataDirectory: liteData.Path))
        {
            var identity = bot.Get<IdentityService>();
            Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV1,甲,天台县\nV2,乙,天台县\n")).Ok);
            Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync("openid-v1", identity.IssueCode(RosterKind.Volunteer, "V1").Code)).Status);
            unusedCode = identity.IssueCode(RosterKind.Volunteer, "V2").Code;
            Assert.Equal(BindStatus.WrongCode, (await identity.BindWithCodeAsync("openid-guess", "00000000")).Status);
            bot.Get<StaffStore>().Create("lin", "correct horse battery", StaffRoles.Staff, "婺城区");
            token = bot.Get<StaffTokens>().Issue("lin", "nightly export");
            tokenId = Assert.Single(bot.Get<StaffTokens>().Of("lin")).Id;
            bot.Get<StaffSessions>().End("sid-1", At(12, 31, 0));
            bot.Get<ChatAssistant.QuickReplies.QuickReplyStore>().Add("热线", "请拨打12355。");
            var hours = bot.Get<ChatAssistant.Hours.Import.HoursImporter>().Import(new StringReader(
                "record_id,volunteer_id,activity,organiser,date,start,end,hours\nR1,V1,社区服务,团县委,2026-10-01,09:00,11:00,2\nR2,V1,社区服务,团县委,2026-10-02,09:00,10:00,1\n"),
                "tester", StaffScope.Everything);
            Assert.True(hours.Ok);
            var tally = bot.Get<ChatAssistant.Operations.DailyTally>();
            tally.Count(ChatAssistant.Operations.DailyTally.Messages, "天台县");
            tally.Flush();
            ticketId = ChatAssistant.Tests.Disputes.DisputeFixtures.File(bot.Services, "天台县").Id;
            await bot.Get<ChatAssistant.Alerts.AdminAlerts>().RaiseAsync("test.alert", "测试提醒", null, CancellationToken.None);
            bot.Get<ChatAssistant.Adapters.WeChat.IUndeliveredMessageStore>().Add(new("u1", "oUser", "text", "您好", 45015, "timeout", At(11, 26, 9)));
            bot.Get<ChatAssistant.OnCall.OnCallStore>().Add(new ChatAssistant.OnCall.OnCallShift { County = "婺城区", Staff = "lin" });
            studioId = BookingTestData.Studio(bot.Get<IStudioStore>(), places: 2).Id;
            var service = bot.Get<BookingService>();
            bookings = [service.Book(BookingTestData.Who("D001"), studioId, At(11, 28, 9)).Booking!.Id,
                        service.Book(BookingTestData.Who("D002"), studioId, At(11, 28, 9)).Booking!.Id,
                        service.Book(BookingTestData.Who("D001"), studioId, At(12, 1, 14)).Booking!.Id];
            Assert.Equal(CancelStatus.Cancelled, service.Cancel("D001", bookings[2]).Status);
            keyId = bot.Get<IDoorKeyStore>().Create(studioId, "门口", "staff:1").Record.Id;
            feedbackId = bot.Get<IFeedbackStore>().Add(new FeedbackRecord { ChannelId = "wechat", UserId = "u1", Topic = "其他", Content = "谢谢", At = At(11, 26, 9) }).Id;
            escalationId = HandOff(bot);
            Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,丙,天台县\n")).Ok);
            Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync("openid-d001", identity.IssueCode(RosterKind.Delegate, "D001").Code)).Status); // the test adapter's user ids are lower case
            answers = await MyRecordsAsync(bot);
            Assert.Contains(answers[0], a => a.Contains("3 小时", StringComparison.Ordinal) || a.Contains("3小时", StringComparison.Ordinal)); // 3 hours
            Assert.Contains(answers[1], a => a.Contains("11月28日", StringComparison.Ordinal)); // the booking kept
            Assert.Contains(answers[2], a => a.Contains("QQ", StringComparison.Ordinal)); // the help request's number
        }
        var environment = new Dictionary<string, string> { ["Records__ConnectionString"] = database.ConnectionString };

        var copy = await CliProcess.RunAsync(liteData.Path, environment, "records", "copy", "--from", "litedb", "--to", "postgres");
        Assert.True(copy.Code == 0, copy.StdErr + copy.StdOut);
        Assert.Contains("duty_bookings: 3 → 3", copy.StdOut);
        Assert.Contains("duty_reminders: 3 → 3", copy.StdOut);
        Assert.Contains("duty_studios: 1 → 1", copy.StdOut);
        Assert.Contains("door_display_keys: 1 → 1", copy.StdOut);
        Assert.Contains("feedback: 1 → 1", copy.StdOut);
        Assert.Contains("roster: 3 → 3", copy.StdOut);
        Assert.Contains("binding_codes: 3 → 3", copy.StdOut);
        Assert.Contains("binding_attempts: 1 → 1", copy.StdOut);
        Assert.Contains("staff: 1 → 1", copy.StdOut);
        Assert.Contains("staff_tokens: 1 → 1", copy.StdOut);
        Assert.Contains("staff_sessions_ended: 1 → 1", copy.StdOut);
        Assert.Contains("quick_replies: 1 → 1", copy.StdOut);
        Assert.Contains("oncall_shifts: 1 → 1", copy.StdOut);
        Assert.Contains("hour_records: 2 → 2", copy.StdOut);
        Assert.Contains("hour_ledger: 2 → 2", copy.StdOut);
        Assert.Contains("daily_counts: 1 → 1", copy.StdOut);
        Assert.Contains("wechat_undelivered: 1 → 1", copy.StdOut);
        Assert.Contains("admin_alerts: 1 → 1", copy.StdOut);
        Assert.Contains("dispute_tickets: 1 → 1", copy.StdOut);
        Assert.Matches(@"audit_log: ([1-9][0-9]*) → \1", copy.StdOut);
        foreach (var table in new[] { "escalations: 1 → 1", "escalation_entries: 3 → 3", "crisis_reviews: 1 → 1", "escalation_alerts: 1 → 1", "staff_wecom: 1 → 1" })
            Assert.Contains(table, copy.StdOut);

        // Into records that are no longer empty: refused, nothing written.
        var again = await CliProcess.RunAsync(liteData.Path, environment, "records", "copy", "--from", "litedb", "--to", "postgres");
        Assert.Equal(2, again.Code);
        Assert.Contains("not empty", again.StdErr);

        // A deployment on PostgreSQL (a new data folder: nothing of these in LiteDB) answers as the file did.
        using var fresh = new TempDirectory("copy-pg");
        var settings = BookingTestData.NoDemo();
        foreach (var (key, value) in database.Settings()) settings[key] = value;
        await using (var bot = BotHarness.Create(settings: settings, dataDirectory: fresh.Path))
        {
            // 我的时长 / 我的值班 / 我的求助 answered (before anything changes) as the LiteDB deployment answered them.
            var copied = await MyRecordsAsync(bot);
            for (var i = 0; i < answers.Length; i++) Assert.Equal(answers[i], copied[i]);
            Assert.Equal([bookings[0]], bot.Get<BookingService>().Upcoming("D001").Select(b => b.Id));
            Assert.Equal(2, bot.Get<BookingService>().Slot(studioId, At(11, 28, 9))!.Taken);
            Assert.Equal(BookingStatus.Cancelled, bot.Get<IBookingStore>().Find(bookings[2])!.Status);
            Assert.Equal(ReminderState.Cancelled, bot.Get<IReminderStore>().Find(bookings[2])!.State);
            Assert.Equal("测试工作室", bot.Get<IStudioStore>().Find(studioId)!.Name);
            Assert.Equal(keyId, Assert.Single(bot.Get<IDoorKeyStore>().OfStudio(studioId)).Id);
            Assert.Equal("谢谢", bot.Get<IFeedbackStore>().Find(feedbackId)!.Content);
            var identity = bot.Get<IdentityService>();
            Assert.Equal("V1", identity.FindByOpenId(RosterKind.Volunteer, "openid-v1")!.MemberId);
            Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync("openid-v2", unusedCode)).Status); // issued before the move
            Assert.Equal("lin", bot.Get<StaffTokens>().AccountOf(token)!.UserName); // a script's token goes on working
            Assert.Equal(tokenId, Assert.Single(bot.Get<StaffTokens>().Of("lin")).Id); // and keeps its id
            Assert.True(bot.Get<StaffSessions>().Ended("sid-1"));
            Assert.Equal("lin", Assert.Single(bot.Get<ChatAssistant.OnCall.OnCallStore>().All()).Staff);
            Assert.Equal(new ChatAssistant.Hours.PointsBalance(3m, 0m), bot.Get<ChatAssistant.Hours.HoursLedger>().Points("V1"));
            Assert.Single(bot.Get<ChatAssistant.Audit.AuditLog>().Recent(100), e => e.Action == "hours.import");
            Assert.Equal("测试提醒", Assert.Single(bot.Get<ChatAssistant.Alerts.AdminAlerts>().Recent()).Message);
            var tickets = bot.Get<ChatAssistant.Disputes.TicketService>();
            Assert.Equal(ChatAssistant.Disputes.TicketOutcomeKind.Ok, tickets.Acknowledge(ticketId, "staff:lin").Kind); // the number is kept
            Assert.Equal(ChatAssistant.Disputes.TicketStatus.Acknowledged, tickets.Find(ticketId)!.Status);
            AssertHandOff(bot, escalationId);
            // New records get ids after the copied ones.
            var next = bot.Get<BookingService>().Book(BookingTestData.Who("D003"), studioId, At(12, 1, 14)).Booking!;
            Assert.True(next.Id > bookings.Max());
            Assert.True(bot.Get<IFeedbackStore>().Add(new FeedbackRecord { Content = "再次", At = At(11, 26, 10) }).Id > feedbackId);
        }

        // And back into an empty LiteDB file.
        using var back = new TempDirectory("copy-back");
        var home = await CliProcess.RunAsync(back.Path, environment, "records", "copy", "--from", "postgres", "--to", "litedb");
        Assert.True(home.Code == 0, home.StdErr + home.StdOut);
        Assert.Contains("duty_bookings: 4 → 4", home.StdOut);
        Assert.Contains("feedback: 2 → 2", home.StdOut);
        Assert.Contains("roster: 3 → 3", home.StdOut);
        Assert.Contains("staff_tokens: 1 → 1", home.StdOut);
        var backSettings = BookingTestData.NoDemo();
        backSettings["Disputes:EncryptionKey"] = database.Settings()["Disputes:EncryptionKey"];
        await using (var bot = BotHarness.Create(settings: backSettings, dataDirectory: back.Path))
        {
            Assert.Equal("V2", bot.Get<IdentityService>().FindByOpenId(RosterKind.Volunteer, "openid-v2")!.MemberId);
            Assert.Equal(tokenId, Assert.Single(bot.Get<StaffTokens>().Of("lin")).Id);
            Assert.Equal("lin", bot.Get<StaffTokens>().AccountOf(token)!.UserName);
            Assert.Equal([bookings[0]], bot.Get<BookingService>().Upcoming("D001").Select(b => b.Id));
            Assert.Equal(2, bot.Get<BookingService>().Slot(studioId, At(11, 28, 9))!.Taken);
            Assert.Equal("谢谢", bot.Get<IFeedbackStore>().Find(feedbackId)!.Content);
            AssertHandOff(bot, escalationId);
        }
    }

    // What a volunteer, a delegate and a young person who asked for help are told about their own records.
    private static async Task<IReadOnlyList<string>[]> MyRecordsAsync(BotHarness bot) =>
        [await bot.SayAsync("我的时长", "openid-v1"), await bot.SayAsync("我的值班", "openid-d001"), await bot.SayAsync("我的求助", "user1")];

    // A hand-off with its transcript (sealed, bound to each line), a crisis review, a phone alert and a WeCom link.
    private static string HandOff(BotHarness bot)
    {
        var escalations = bot.Get<ChatAssistant.Escalation.EscalationStore>();
        var record = escalations.Open(new ChatAssistant.Escalation.EscalationRecord
        {
            ChannelId = "wechat", UserId = "oHelp", ConversationId = "oHelp", Reason = ChatAssistant.Escalation.EscalationReason.Crisis, Urgent = true,
            County = "天台县", Status = ChatAssistant.Escalation.EscalationStatus.Waiting, CreatedAt = At(11, 26, 9),
        }).Record;
        escalations.AddUserLine(record.Id, "我想找人聊聊，电话13700001111", At(11, 26, 9));
        escalations.Add(new ChatAssistant.Escalation.EscalationEntry { EscalationId = record.Id, Kind = ChatAssistant.Escalation.EntryKind.Bot, At = At(11, 26, 9), Text = "已为你转接", Delivered = true });
        escalations.Add(new ChatAssistant.Escalation.EscalationEntry { EscalationId = record.Id, Kind = ChatAssistant.Escalation.EntryKind.Note, At = At(11, 26, 9), Text = "已电话联系", StaffName = "林" });
        bot.Get<ChatAssistant.Safety.CrisisReviewStore>().Add(new ChatAssistant.Safety.CrisisReview
        {
            At = At(11, 26, 10), Verdict = ChatAssistant.Safety.CrisisReviewVerdicts.FalseAlarm, EscalationId = record.Id, StaffName = "林",
        }, "我跟这道题死磕到底");
        bot.Get<ChatAssistant.OnCall.IEscalationAlertStore>().Add(new ChatAssistant.OnCall.EscalationAlert { EscalationId = record.Id, Step = 1, Staff = ["lin"], TaskId = "task-1", SentAt = At(11, 26, 9) });
        Assert.True(bot.Get<ChatAssistant.StaffPhone.IStaffWeComLinks>().Set(bot.Get<StaffStore>().Find("lin")!.Id, "LinWeCom", null));
        return record.Id;
    }

    private static void AssertHandOff(BotHarness bot, string escalationId)
    {
        var escalations = bot.Get<ChatAssistant.Escalation.EscalationStore>();
        Assert.Equal(escalationId, escalations.FindOpen("wechat", "oHelp")!.Id);
        Assert.Equal(["我想找人聊聊，电话13700001111", "已为你转接", "已电话联系"], escalations.Entries(escalationId).Select(e => e.Text));
        var review = Assert.Single(bot.Get<ChatAssistant.Safety.CrisisReviewStore>().Recent(10));
        Assert.Equal(("我跟这道题死磕到底", escalationId), (review.Text, review.Review.EscalationId));
        Assert.Equal(escalationId, bot.Get<ChatAssistant.OnCall.IEscalationAlertStore>().ByTask("task-1")!.EscalationId);
        Assert.Equal("LinWeCom", bot.Get<ChatAssistant.StaffPhone.IStaffWeComLinks>().ForStaff(bot.Get<StaffStore>().Find("lin")!.Id)!.WeComUserId);
    }
}
