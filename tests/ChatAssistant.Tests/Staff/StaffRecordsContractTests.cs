using ChatAssistant.Staff;
using ChatAssistant.Staff.LiteDb;
using ChatAssistant.Staff.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Staff;

/// <summary>What every staff record store does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class StaffRecordsContractTests : StoreContract<IStaffRecords>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    private static StaffAccount Account(string name, string role = StaffRoles.Staff, string? scope = "婺城区") =>
        new() { UserName = name, DisplayName = name.ToUpperInvariant(), Role = role, Scope = role == StaffRoles.Admin ? null : scope, PasswordHash = "hash-" + name, CreatedAt = Noon };

    [SkippableFact]
    public void Accounts_read_back_whole_names_are_unique_and_every_field_is_updated()
    {
        var store = Store();
        var lin = Account("lin");
        Assert.True(store.TryAdd(lin));
        Assert.True(store.TryAdd(Account("admin", StaffRoles.Admin)));
        Assert.False(SameRecords(store).TryAdd(Account("lin", scope: "金东区"))); // taken, on any instance
        Assert.True(lin.Id > 0);
        Assert.Equal(["admin", "lin"], store.All().Select(a => a.UserName));
        Assert.Equal("婺城区", store.Find("lin")!.Scope);
        Assert.Null(store.FindById(lin.Id + 100));

        var stored = store.FindById(lin.Id)!;
        (stored.DisplayName, stored.Role, stored.Scope, stored.PasswordHash) = ("林", StaffRoles.Admin, null, "hash-2");
        (stored.FailedSignIns, stored.LockedUntil, stored.Disabled, stored.SessionVersion) = (2, Noon.AddMinutes(15), true, 3);
        stored.FailedFrom.AddRange(["a1b2c3d4e5f60718", "0011223344556677"]);
        store.Update(stored);

        var read = SameRecords(store).Find("lin")!;
        Assert.Equal(("林", StaffRoles.Admin, (string?)null, "hash-2", 2, (DateTimeOffset?)Noon.AddMinutes(15), true, 3, Noon),
            (read.DisplayName, read.Role, read.Scope, read.PasswordHash, read.FailedSignIns, read.LockedUntil, read.Disabled, read.SessionVersion, read.CreatedAt));
        Assert.Equal(["a1b2c3d4e5f60718", "0011223344556677"], read.FailedFrom);
    }

    [SkippableFact]
    public void The_last_enabled_admin_is_known()
    {
        var store = Store();
        var first = Account("admin1", StaffRoles.Admin);
        var second = Account("admin2", StaffRoles.Admin);
        store.TryAdd(first);
        store.TryAdd(second);
        store.TryAdd(Account("lin"));
        Assert.True(store.AnyOtherEnabledAdmin(first.Id));
        second.Disabled = true;
        store.Update(second);
        Assert.False(store.AnyOtherEnabledAdmin(first.Id));
        Assert.True(store.AnyOtherEnabledAdmin(second.Id));
    }

    [SkippableFact]
    public void Signed_out_sessions_are_kept_until_their_time_then_forgotten()
    {
        var store = Store();
        store.EndSession("sid-1", Noon.AddHours(8), Noon);
        Assert.True(SameRecords(store).SessionEnded("sid-1"));
        Assert.False(store.SessionEnded("sid-2"));
        store.EndSession("sid-1", Noon.AddHours(9), Noon); // signed out twice: one record
        store.EndSession("sid-2", Noon.AddHours(20), Noon.AddHours(10)); // sid-1's cookie has expired by now
        Assert.False(store.SessionEnded("sid-1"));
        Assert.True(store.SessionEnded("sid-2"));
    }

    [SkippableFact]
    public void Tokens_get_an_id_are_listed_newest_first_found_by_hash_and_deleted_only_by_their_owner()
    {
        var store = Store();
        var lin = Account("lin");
        var wang = Account("wang");
        store.TryAdd(lin);
        store.TryAdd(wang);
        var older = new StaffToken { Hash = "h1", StaffId = lin.Id, Label = "nightly", SessionVersion = 0, CreatedAt = Noon, ExpiresAt = Noon.AddDays(365) };
        var newer = new StaffToken { Hash = "h2", StaffId = lin.Id, Label = "laptop", SessionVersion = 1, CreatedAt = Noon.AddMinutes(1) };
        var sameTime = new StaffToken { Hash = "h3", StaffId = lin.Id, Label = "one-off", CreatedAt = Noon.AddMinutes(1) };
        store.AddToken(older);
        store.AddToken(newer);
        store.AddToken(sameTime);
        Assert.Matches("^[0-9a-f]{24}$", older.Id);
        Assert.Equal(3, new[] { older.Id, newer.Id, sameTime.Id }.Distinct().Count());

        Assert.Equal(["one-off", "laptop", "nightly"], SameRecords(store).TokensOf(lin.Id).Select(t => t.Label));
        Assert.Empty(store.TokensOf(wang.Id));
        var found = store.FindToken("h1")!;
        Assert.Equal((older.Id, lin.Id, "nightly", 0, Noon, (DateTimeOffset?)Noon.AddDays(365)), (found.Id, found.StaffId, found.Label, found.SessionVersion, found.CreatedAt, found.ExpiresAt));
        Assert.Null(store.FindToken("h9"));

        Assert.False(store.DeleteToken(wang.Id, newer.Id)); // not theirs
        Assert.False(store.DeleteToken(lin.Id, "not-an-id"));
        Assert.True(store.DeleteToken(lin.Id, newer.Id));
        Assert.False(store.DeleteToken(lin.Id, newer.Id));
        Assert.Null(store.FindToken("h2"));
    }

    [SkippableFact]
    public void An_exclusive_change_that_fails_leaves_nothing_and_exclusive_changes_take_turns_on_every_instance()
    {
        var store = Store();
        var lin = Account("lin");
        store.TryAdd(lin);
        Assert.Throws<InvalidOperationException>(() => store.Exclusively<int>(() =>
        {
            var account = store.FindById(lin.Id)!;
            account.Disabled = true;
            store.Update(account);
            throw new InvalidOperationException("failed half-way");
        }));
        Assert.False(store.FindById(lin.Id)!.Disabled);

        // Twenty read-modify-write changes of one counter through two instances: none is lost.
        var other = SameRecords(store);
        Parallel.For(0, 20, i =>
        {
            var records = i % 2 == 0 ? store : other;
            records.Exclusively(() =>
            {
                var account = records.FindById(lin.Id)!;
                account.SessionVersion++;
                records.Update(account);
                return 0;
            });
        });
        Assert.Equal(20, store.FindById(lin.Id)!.SessionVersion);
    }
}

public sealed class LiteDbStaffRecordsContractTests : StaffRecordsContractTests
{
    protected override IStaffRecords Store() => new LiteStaffRecords(NewLiteRecords("staff-contract"));

    protected override IStaffRecords SameRecords(IStaffRecords store) => store;
}

public sealed class PostgresStaffRecordsContractTests : StaffRecordsContractTests
{
    protected override IStaffRecords Store() => new PostgresStaffRecords(NewPostgresRecords());

    protected override IStaffRecords SameRecords(IStaffRecords store) => new PostgresStaffRecords(SamePostgresRecords());
}
