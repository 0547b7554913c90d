using ChatAssistant.Hours;
using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// Records stored before ids were kept per district (their document id was the record id alone) go on working after
/// the upgrade: found by their district, not imported twice, revoked against their existing ledger entry.
/// </summary>
public sealed class LegacyHourRecordTests
{
    [Fact]
    public async Task A_record_of_the_version_before_is_found_by_its_district_not_imported_again_and_revoked_against_its_credit()
    {
        using var data = new TempDirectory("ca-hours-legacy");
        await using (var before = BotHarness.Create(dataDirectory: data.Path))
        {
            Assert.True(before.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\nV900,赵六,金华市\n")).Ok);
            var db = before.Get<ILiteDatabase>();
            // As the previous version wrote them: the record under its platform id, credited as "hours:R1".
            db.GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).Insert(new BsonDocument
            {
                ["_id"] = "R1", ["VolunteerId"] = "V001", ["Activity"] = "垃圾分类宣传", ["Organiser"] = "嵊州团市委", ["Date"] = "2024-05-01",
                ["StartMinute"] = 540, ["EndMinute"] = 660, ["Hours"] = 2m, ["Status"] = "Verified", ["ImportId"] = "IMP-OLD",
                ["ImportedAt"] = BotHarness.DefaultNow.UtcDateTime,
            });
            db.GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.LedgerCollection).Insert(new BsonDocument
            {
                ["_id"] = "hours:R1", ["VolunteerId"] = "V001", ["Kind"] = "HoursCredit", ["Hours"] = 2m, ["Points"] = 2m,
                ["ActivityDate"] = "2024-05-01", ["Ref"] = "R1", ["At"] = BotHarness.DefaultNow.UtcDateTime, ["By"] = "import",
            });
        }

        await using var after = BotHarness.Create(dataDirectory: data.Path);
        var review = after.Get<HoursReview>();
        var (record, _) = review.Find("R1", ChatAssistant.Staff.StaffScope.County("嵊州市"));
        Assert.Equal(("R1", "嵊州市", "V001"), (record!.RecordId, record.District, record.VolunteerId));
        Assert.Null(review.Find("R1", ChatAssistant.Staff.StaffScope.County("金华市")).Record);

        // The same export again: skipped, not a second record worth two more hours.
        var again = after.Get<HoursImporter>().Import(new StringReader(HoursKit.Csv("R1,V001,垃圾分类宣传,嵊州团市委,2024-05-01,09:00,11:00,2")), "tester", ChatAssistant.Staff.StaffScope.County("嵊州市"));
        Assert.Equal((0, 1), (again.Added, again.Skipped));
        Assert.Equal(2m, after.Get<HoursLedger>().Hours("V001").TotalHours);

        // Revoking it takes back the credit it had.
        Assert.Equal(DecisionOutcome.Done, review.Revoke("R1", "tester", "重复登记", ChatAssistant.Staff.StaffScope.County("嵊州市")).Outcome);
        Assert.Equal(0m, after.Get<HoursLedger>().Hours("V001").TotalHours);
        Assert.NotNull(after.Get<IHoursStore>().FindEntry("revoke:R1"));
    }

    [Fact]
    public async Task The_decisions_of_the_hours_own_audit_log_before_move_into_the_one_audit_log_once()
    {
        using var data = new TempDirectory("ca-hours-legacy-audit");
        var at = BotHarness.DefaultNow.AddDays(-3);
        var revoke = ObjectId.NewObjectId();
        await using (var before = BotHarness.Create(dataDirectory: data.Path))
        {
            // As the previous version wrote its own log, beside the one audit log.
            var rows = before.Get<ILiteDatabase>().GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.LegacyAudit);
            rows.Insert(new BsonDocument
            {
                ["_id"] = revoke, ["At"] = at.UtcDateTime, ["Who"] = "sz", ["Action"] = "revoke", ["Target"] = "嵊州市/R1",
                ["VolunteerId"] = "V001", ["Reason"] = "重复登记",
            });
            rows.Insert(new BsonDocument
            {
                ["_id"] = ObjectId.NewObjectId(), ["At"] = at.UtcDateTime, ["Who"] = "wechat", ["Action"] = "redeem", ["Target"] = "DH2611230001",
                ["VolunteerId"] = "V001", ["Reason"] = "T5",
            });
        }

        for (var start = 0; start < 2; start++)
        {
            await using var after = BotHarness.Create(dataDirectory: data.Path);
            _ = after.Get<IHoursStore>(); // the hours feature's records open: the move runs then, like the records' own
            var audit = after.Get<ChatAssistant.Audit.AuditLog>();
            var trail = Assert.Single(audit.Trail(HoursAudit.RecordSubject("嵊州市/R1")));
            Assert.Equal((revoke.ToString(), at, "sz", "hours.revoke", "重复登记", "volunteer:V001"), (trail.Id, trail.At, trail.Actor, trail.Action, trail.Detail, trail.Owner));
            Assert.Equal("redeem", HoursAudit.DecisionOf(Assert.Single(audit.Trail(HoursAudit.OrderSubject("DH2611230001")))));
            Assert.False(after.Get<ILiteDatabase>().CollectionExists(ChatAssistant.Hours.LiteDb.LiteHoursStore.LegacyAudit));
        }
    }
}
