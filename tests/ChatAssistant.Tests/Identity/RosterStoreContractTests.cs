using ChatAssistant.Identity;
using ChatAssistant.Identity.LiteDb;
using ChatAssistant.Identity.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Identity;

/// <summary>What every roster store does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class RosterStoreContractTests : StoreContract<IRosterStore>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    private static RosterMember Member(RosterKind kind, string id, string district = "天台县") =>
        new() { Kind = kind, MemberId = id, Name = "名" + id, District = district, Phone = "13800000000", Key = RosterMember.KeyOf(kind, id) };

    private static BindingCode Code(string hash, string memberId, DateTimeOffset expires, int scheme = BindingCodeHasher.HmacScheme) =>
        new() { CodeHash = hash, Scheme = scheme, Kind = RosterKind.Volunteer, MemberId = memberId, ExpiresAt = expires };

    [SkippableFact]
    public void Members_read_back_by_id_and_roster_and_bindings_are_found_by_OpenID_after_every_write()
    {
        var store = Store();
        var v1 = Member(RosterKind.Volunteer, "V1");
        var d1 = Member(RosterKind.Delegate, "V1"); // the same id on the other roster is another person
        store.Add(v1);
        store.Add(d1);
        store.Add(Member(RosterKind.Volunteer, "V2", "临海市"));
        Assert.True(v1.Id > 0);
        Assert.NotEqual(v1.Id, d1.Id);
        Assert.Equal(["V1", "V2"], store.Members(RosterKind.Volunteer).Select(m => m.MemberId).Order());
        Assert.Equal(("名V1", "天台县", "13800000000", (string?)null), store.FindMember(RosterKind.Volunteer, "V1") is { } m ? (m.Name, m.District, m.Phone, m.OpenId) : default);
        Assert.Null(store.FindMember(RosterKind.Delegate, "V2"));
        Assert.Empty(store.BoundTo("openid-1")); // looked up (and perhaps kept) before the binding

        var stored = store.FindMember(RosterKind.Volunteer, "V1")!;
        (stored.OpenId, stored.BoundAt, stored.Name) = ("openid-1", Noon, "改名");
        store.Update(stored);
        var delegateToo = store.FindMember(RosterKind.Delegate, "V1")!;
        (delegateToo.OpenId, delegateToo.BoundAt) = ("openid-1", Noon);
        store.Update(delegateToo);

        var bound = store.BoundTo("openid-1");
        Assert.Equal([RosterKind.Volunteer, RosterKind.Delegate], bound.Select(b => b.Kind).OrderByDescending(k => k == RosterKind.Volunteer));
        Assert.Equal(("改名", Noon), (bound.Single(b => b.Kind == RosterKind.Volunteer).Name, bound[0].BoundAt!.Value));
        Assert.Equal(2, SameRecords(store).BoundTo("openid-1").Count);

        var unbound = store.FindMember(RosterKind.Volunteer, "V1")!;
        (unbound.OpenId, unbound.BoundAt) = (null, null);
        store.Update(unbound);
        Assert.Equal([RosterKind.Delegate], store.BoundTo("openid-1").Select(b => b.Kind));
    }

    [SkippableFact]
    public void A_code_is_found_by_its_hash_and_marked_used_once()
    {
        var store = Store();
        store.AddCode(Code("hash-1", "V1", Noon.AddHours(72)));
        var code = store.FindCode("hash-1")!;
        Assert.Equal((BindingCodeHasher.HmacScheme, RosterKind.Volunteer, "V1", Noon.AddHours(72), (DateTimeOffset?)null),
            (code.Scheme, code.Kind, code.MemberId, code.ExpiresAt, code.UsedAt));
        Assert.Null(store.FindCode("hash-2"));

        Assert.True(store.MarkUsed("hash-1", Noon));
        Assert.False(SameRecords(store).MarkUsed("hash-1", Noon.AddMinutes(1)));
        Assert.Equal(Noon, store.FindCode("hash-1")!.UsedAt);
        Assert.False(store.MarkUsed("hash-missing", Noon));
    }

    [SkippableFact]
    public void Expiring_codes_touches_only_the_live_unused_codes_asked_for()
    {
        var store = Store();
        store.AddCode(Code("v1-live", "V1", Noon.AddHours(1)));
        store.AddCode(Code("v1-used", "V1", Noon.AddHours(1)));
        store.MarkUsed("v1-used", Noon.AddMinutes(-5));
        store.AddCode(Code("v1-old", "V1", Noon.AddHours(-1)));
        store.AddCode(Code("v2-live", "V2", Noon.AddHours(1)));
        store.AddCode(Code("legacy", "V3", Noon.AddHours(1), scheme: 0));

        Assert.Equal(1, store.ExpireCodesOf(RosterKind.Volunteer, "V1", Noon));
        Assert.Equal(0, store.ExpireCodesOf(RosterKind.Delegate, "V2", Noon)); // another roster's V2
        Assert.Equal(Noon, store.FindCode("v1-live")!.ExpiresAt);
        Assert.Equal(Noon.AddHours(1), store.FindCode("v1-used")!.ExpiresAt);
        Assert.Equal(Noon.AddHours(-1), store.FindCode("v1-old")!.ExpiresAt);
        Assert.Equal(Noon.AddHours(1), store.FindCode("v2-live")!.ExpiresAt);

        Assert.Equal(1, store.ExpireCodesNotOf(BindingCodeHasher.HmacScheme, Noon));
        Assert.Equal(Noon, store.FindCode("legacy")!.ExpiresAt);
        Assert.Equal(0, store.ExpireCodesNotOf(BindingCodeHasher.HmacScheme, Noon));
    }

    [SkippableFact]
    public void Wrong_code_counters_are_saved_replaced_and_deleted()
    {
        var store = Store();
        Assert.Null(store.FindAttempts("openid-1"));
        store.SaveAttempts(new BindingAttempts { Id = "openid-1", Failures = 2 });
        store.SaveAttempts(new BindingAttempts { Id = "openid-1", Failures = 0, LockedUntil = Noon });
        var attempts = store.FindAttempts("openid-1")!;
        Assert.Equal((0, (DateTimeOffset?)Noon), (attempts.Failures, attempts.LockedUntil));
        store.DeleteAttempts("openid-1");
        Assert.Null(store.FindAttempts("openid-1"));
    }

    [SkippableFact]
    public void An_exclusive_change_that_fails_leaves_nothing_and_exclusive_changes_take_turns_on_every_instance()
    {
        var store = Store();
        Assert.Throws<InvalidOperationException>(() => store.Exclusively<int>(() =>
        {
            store.Add(Member(RosterKind.Volunteer, "V9"));
            throw new InvalidOperationException("import failed half-way");
        }));
        Assert.Null(store.FindMember(RosterKind.Volunteer, "V9"));
        Assert.Empty(store.Members(RosterKind.Volunteer));

        var other = SameRecords(store);
        int inside = 0, most = 0;
        Parallel.For(0, 12, i => (i % 2 == 0 ? store : other).Exclusively(() =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            Thread.Sleep(15);
            Interlocked.Decrement(ref inside);
            return 0;
        }));
        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}

public sealed class LiteDbRosterStoreContractTests : RosterStoreContractTests
{
    protected override IRosterStore Store() => new LiteRosterStore(NewLiteRecords("roster-contract"));

    protected override IRosterStore SameRecords(IRosterStore store) => store;
}

public sealed class PostgresRosterStoreContractTests : RosterStoreContractTests
{
    protected override IRosterStore Store() => new PostgresRosterStore(NewPostgresRecords());

    protected override IRosterStore SameRecords(IRosterStore store) => new PostgresRosterStore(SamePostgresRecords());
}
