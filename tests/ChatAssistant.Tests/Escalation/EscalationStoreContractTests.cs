using System.Security.Cryptography;
using ChatAssistant.Escalation;
using ChatAssistant.Escalation.LiteDb;
using ChatAssistant.Escalation.Postgres;
using ChatAssistant.OnCall;
using ChatAssistant.OnCall.LiteDb;
using ChatAssistant.OnCall.Postgres;
using ChatAssistant.Safety;
using ChatAssistant.Safety.LiteDb;
using ChatAssistant.Safety.Postgres;
using ChatAssistant.Security;
using ChatAssistant.StaffPhone;
using ChatAssistant.StaffPhone.LiteDb;
using ChatAssistant.StaffPhone.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Escalation;

/// <summary>The hand-off's records (escalations, transcripts, crisis reviews, phone alerts, WeCom links), the same on LiteDB and PostgreSQL.</summary>
public abstract class EscalationStoreContractTests : StoreContract<EscalationStoreContractTests.Stores>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The stores of one instance.</summary>
    public sealed record Stores(IEscalationRecords Escalations, ICrisisReviewRecords Reviews, IEscalationAlertStore Alerts, IStaffWeComLinks Links)
    {
        public EscalationStore Store { get; } = new(Escalations, new FieldCipher(Key), NullLogger<EscalationStore>.Instance);

        public CrisisReviewStore ReviewStore { get; } = new(Reviews, new FieldCipher(Key));
    }

    private static EscalationRecord Candidate(string user, DateTimeOffset at, EscalationStatus status = EscalationStatus.Waiting) => new()
    {
        ChannelId = "wechat", UserId = user, ConversationId = user, Reason = EscalationReason.UserAsked, County = "婺城区", Status = status, CreatedAt = at,
    };

    [SkippableFact]
    public void A_conversation_has_one_open_escalation_and_a_change_is_read_again_and_saved_or_refused()
    {
        var stores = Store();
        var store = stores.Store;
        var (first, created) = store.Open(Candidate("oA", Noon));
        Assert.True(created);
        Assert.Matches("^[0-9a-f]{24}$", first.Id);
        var other = SameRecords(stores).Store;
        var (again, createdAgain) = other.Open(Candidate("oA", Noon.AddMinutes(1)));
        Assert.False(createdAgain);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, other.FindOpen("wechat", "oA")!.Id);

        var claimed = other.Change(first.Id, r => { r.Status = EscalationStatus.Claimed; r.AssigneeId = 7; r.AssigneeName = "李老师"; r.ClaimedAt = Noon.AddMinutes(2); return null; });
        Assert.True(claimed.Ok);
        var refused = store.Change(first.Id, r => r.AssigneeId is null ? null : "taken");
        Assert.Equal("taken", refused.Refusal);
        Assert.Equal(("李老师", EscalationStatus.Claimed, (DateTimeOffset?)Noon.AddMinutes(2)), (store.Get(first.Id)!.AssigneeName, store.Get(first.Id)!.Status, store.Get(first.Id)!.ClaimedAt));
        Assert.Equal("not-found", store.Change("0123456789abcdef01234567", _ => null).Refusal);

        store.Change(first.Id, r => { r.Status = EscalationStatus.Resolved; r.ResolvedAt = Noon.AddHours(1); return null; });
        Assert.Null(other.FindOpen("wechat", "oA"));
        var (next, createdNext) = other.Open(Candidate("oA", Noon.AddHours(2)));
        Assert.True(createdNext);
        Assert.Equal(next.Id, store.Latest("wechat", "oA")!.Id);
        Assert.Equal([first.Id, next.Id], store.All().Select(r => r.Id));
    }

    [SkippableFact]
    public void Two_instances_opening_one_conversation_at_once_open_it_once()
    {
        var stores = Store();
        var instances = new[] { stores.Store, SameRecords(stores).Store };
        var opened = Enumerable.Range(0, 20).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => instances[i % 2].Open(Candidate("oSame", Noon.AddSeconds(i)))).ToList();
        Assert.Single(opened, o => o.Created);
        Assert.Single(opened.Select(o => o.Record.Id).Distinct());
        Assert.Single(stores.Store.All());
    }

    [SkippableFact]
    public void Transcript_lines_are_sealed_kept_in_order_and_purged_with_who_the_user_was()
    {
        var stores = Store();
        var store = stores.Store;
        var record = store.Open(Candidate("oB", Noon)).Record;
        // Lines of one instant, as the hand-off writes the user's line and the bot's answer: their order holds.
        store.Together(() =>
        {
            store.AddUserLine(record.Id, "我住在幸福路8号", Noon.AddMinutes(1));
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Bot, At = Noon.AddMinutes(1), Text = "已为你转接", Delivered = true });
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Staff, At = Noon.AddMinutes(1), Text = "你好，我是李老师", StaffName = "李老师", Delivered = false, ErrorCode = "45015" });
        });
        var other = SameRecords(stores).Store;
        var lines = other.Entries(record.Id);
        Assert.Equal(["我住在幸福路8号", "已为你转接", "你好，我是李老师"], lines.Select(e => e.Text));
        Assert.Equal((EntryKind.Staff, "李老师", (bool?)false, "45015"), (lines[2].Kind, lines[2].StaffName, lines[2].Delivered, lines[2].ErrorCode));
        Assert.Equal(Noon.AddMinutes(1), other.Get(record.Id)!.LastUserMessageAt);
        Assert.All(stores.Escalations.Entries(record.Id), e => Assert.DoesNotContain("幸福路", e.Text)); // sealed as stored

        var waiting = store.Open(Candidate("oC", Noon.AddMinutes(5))).Record;
        Assert.Equal(1, other.WaitingAhead(waiting));
        store.Change(record.Id, r => { r.Status = EscalationStatus.Resolved; r.ResolvedAt = Noon.AddHours(1); return null; });
        Assert.Equal([waiting.Id], other.Queue(Noon.AddHours(2)).Select(r => r.Id));
        Assert.Equal(2, other.Queue(Noon).Count);

        Assert.Equal(0, store.PurgeResolvedBefore(Noon.AddMinutes(30), Noon.AddDays(100)));
        Assert.Equal(1, other.PurgeResolvedBefore(Noon.AddHours(2), Noon.AddDays(100)));
        Assert.Empty(store.Entries(record.Id));
        var purged = store.Get(record.Id)!;
        Assert.Equal(("", "", (DateTimeOffset?)Noon.AddDays(100), EscalationStatus.Resolved), (purged.UserId, purged.ConversationId, purged.TranscriptDeletedAt, purged.Status));
        Assert.Equal(0, store.PurgeResolvedBefore(Noon.AddHours(2), Noon.AddDays(100)));
    }

    [SkippableFact]
    public void A_transaction_that_throws_saves_none_of_its_lines()
    {
        var stores = Store();
        var store = stores.Store;
        var record = store.Open(Candidate("oD", Noon)).Record;
        Assert.Throws<InvalidOperationException>(() => store.Together(() =>
        {
            store.AddUserLine(record.Id, "第一句", Noon.AddMinutes(1));
            throw new InvalidOperationException("the channel failed");
        }));
        Assert.Empty(SameRecords(stores).Store.Entries(record.Id));
        Assert.Null(store.Get(record.Id)!.LastUserMessageAt);
    }

    [SkippableFact]
    public void Crisis_reviews_are_sealed_listed_newest_first_and_deleted_by_age()
    {
        var stores = Store();
        var first = stores.ReviewStore.Add(new CrisisReview { At = Noon, Verdict = CrisisReviewVerdicts.FalseAlarm, EscalationId = "0123456789abcdef01234567", StaffName = "李老师" }, "我跟这道题死磕到底");
        stores.ReviewStore.Add(new CrisisReview { At = Noon.AddHours(1), Verdict = CrisisReviewVerdicts.Missed, Category = "Suicide", StaffName = "王老师" }, "我想消失");
        Assert.DoesNotContain("死磕", stores.Reviews.Recent(10).Single(r => r.Id == first.Id).Text);
        var recent = SameRecords(stores).ReviewStore.Recent(10);
        Assert.Equal(["我想消失", "我跟这道题死磕到底"], recent.Select(r => r.Text));
        Assert.Equal(("0123456789abcdef01234567", "李老师"), (recent[1].Review.EscalationId, recent[1].Review.StaffName));
        Assert.Equal("", recent[0].Review.EscalationId);
        Assert.Equal(1, stores.ReviewStore.DeleteBefore(Noon.AddMinutes(30)));
        Assert.Single(stores.ReviewStore.Recent(10));
    }

    [SkippableFact]
    public void Phone_alerts_are_found_by_escalation_ticket_and_card_and_changed_on_any_instance()
    {
        var stores = Store();
        const string escalation = "0123456789abcdef01234567";
        var step1 = new EscalationAlert { EscalationId = escalation, Step = 1, Staff = ["li"], WeComUsers = ["LiLaoshi"], TaskId = "t1", SentAt = Noon, Delivered = true };
        var step2 = new EscalationAlert { EscalationId = escalation, Step = 2, Staff = ["wang", "admin"], WeComUsers = ["Wang"], TaskId = "t2", SentAt = Noon.AddMinutes(10), ErrorCode = 81013 };
        var ticket = new EscalationAlert { TicketNumber = "QQ000012", Step = 0, TaskId = "t3", SentAt = Noon };
        foreach (var alert in new[] { step1, step2, ticket }) stores.Alerts.Add(alert);
        var other = SameRecords(stores).Alerts;
        Assert.Equal(["t1", "t2"], other.Of(escalation).Select(a => a.TaskId));
        Assert.Equal(["wang", "admin"], other.ByTask("t2")!.Staff);
        Assert.Equal(81013, other.ByTask("t2")!.ErrorCode);
        Assert.Equal("", Assert.Single(other.OfTicket("QQ000012")).EscalationId);
        Assert.Equal(step2.Id, Assert.Single(other.UnacknowledgedChains()).Id);

        other.Change(step2.Id, a => { a.AcknowledgedAt = Noon.AddMinutes(12); a.AcknowledgedBy = "王老师"; a.CardUpdated = true; });
        Assert.Equal("王老师", stores.Alerts.ByTask("t2")!.AcknowledgedBy);
        Assert.Equal(step1.Id, Assert.Single(stores.Alerts.UnacknowledgedChains()).Id);
        Assert.Null(stores.Alerts.ByTask("none"));
    }

    [SkippableFact]
    public void A_WeCom_member_belongs_to_one_account_and_the_bridged_conversation_is_kept()
    {
        var stores = Store();
        Assert.True(stores.Links.Set(1, "LiLaoshi", null));
        Assert.False(SameRecords(stores).Links.Set(2, "LiLaoshi", StaffAlertPreference.All));
        Assert.True(stores.Links.Set(2, "Wang", StaffAlertPreference.All));
        Assert.Equal(1, stores.Links.ForWeComUser("LiLaoshi")!.Id);
        stores.Links.Change(1, l => { l.ActiveEscalationId = "0123456789abcdef01234567"; l.ForwardedUpTo = "0123456789abcdef01234568"; });
        var link = SameRecords(stores).Links.ForStaff(1)!;
        Assert.Equal(("LiLaoshi", StaffAlertPreference.Urgent, "0123456789abcdef01234567", "0123456789abcdef01234568"), (link.WeComUserId, link.Alerts, link.ActiveEscalationId, link.ForwardedUpTo));
        stores.Links.Change(1, l => { l.ActiveEscalationId = null; l.ForwardedUpTo = null; });
        Assert.Null(stores.Links.ForStaff(1)!.ActiveEscalationId);
        Assert.True(stores.Links.Set(1, "", null)); // unlinked
        Assert.Null(stores.Links.ForStaff(1));
        Assert.Equal([2], stores.Links.All().Select(l => l.Id));
        stores.Links.Change(9, _ => throw new InvalidOperationException("no link, no change"));
    }
}

public sealed class LiteDbEscalationStoreContractTests : EscalationStoreContractTests
{
    protected override Stores Store()
    {
        var db = NewLiteRecords("escalations-contract");
        return new Stores(new LiteEscalationRecords(db), new LiteCrisisReviewRecords(db), new LiteEscalationAlertStore(db), new LiteStaffWeComLinks(db));
    }

    protected override Stores SameRecords(Stores store) => store;
}

public sealed class PostgresEscalationStoreContractTests : EscalationStoreContractTests
{
    protected override Stores Store() => Open(NewPostgresRecords());

    protected override Stores SameRecords(Stores store) => Open(SamePostgresRecords());

    private static Stores Open(ChatAssistant.Storage.Postgres.PostgresRecords records) =>
        new(new PostgresEscalationRecords(records), new PostgresCrisisReviewRecords(records), new PostgresEscalationAlertStore(records), new PostgresStaffWeComLinks(records));
}
