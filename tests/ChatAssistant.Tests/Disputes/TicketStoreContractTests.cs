using ChatAssistant.Disputes;
using ChatAssistant.Disputes.LiteDb;
using ChatAssistant.Disputes.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Disputes;

/// <summary>What every store of help requests does: run on LiteDB and PostgreSQL alike.</summary>
public abstract class TicketStoreContractTests : StoreContract<ITicketStore>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    private static Ticket Ticket(string user, int hoursAgo) => new()
    {
        UserId = user, ChannelId = "wechat", AgeBand = "18至35岁", County = "婺城区", Category = "纠纷调解", Contact = ContactMethod.Phone,
        Description = "sealed-description", Phone = "sealed-phone", Status = TicketStatus.New, ConsentedAt = Noon.AddHours(-hoursAgo), CreatedAt = Noon.AddHours(-hoursAgo),
    };

    [SkippableFact]
    public void Requests_get_numbers_read_back_whole_and_are_listed_by_user_and_for_retention()
    {
        var store = Store();
        var first = Ticket("u1", 30);
        var second = Ticket("u2", 20);
        var third = Ticket("u1", 10);
        foreach (var ticket in new[] { first, second, third }) store.Add(ticket);
        Assert.True(second.Id > first.Id);

        third.History.Add(new TicketEntry { Kind = TicketEntryKind.StaffReply, At = Noon, Author = "staff:lin", Text = "sealed-reply", Delivered = false, DeliveryError = "45015" });
        (third.Status, third.AcknowledgedAt, third.FinishedAt) = (TicketStatus.Resolved, Noon, Noon.AddDays(-40));
        store.Update(third);

        var read = SameRecords(store).Find(third.Id)!;
        Assert.Equal(("u1", "婺城区", "纠纷调解", ContactMethod.Phone, "sealed-description", "sealed-phone", TicketStatus.Resolved, (DateTimeOffset?)Noon, Noon.AddHours(-10)),
            (read.UserId, read.County, read.Category, read.Contact, read.Description, read.Phone, read.Status, read.AcknowledgedAt, read.CreatedAt));
        var reply = Assert.Single(read.History);
        Assert.Equal((TicketEntryKind.StaffReply, "staff:lin", "sealed-reply", (bool?)false, "45015"), (reply.Kind, reply.Author, reply.Text, reply.Delivered, reply.DeliveryError));
        Assert.Equal(TicketNumber.Format(third.Id), read.Number);

        Assert.Equal([third.Id, first.Id], store.OfUser("u1").Select(t => t.Id));
        Assert.Equal([first.Id, second.Id, third.Id], store.All().Select(t => t.Id));
        Assert.Equal([third.Id], store.FinishedBefore(Noon.AddDays(-30)).Select(t => t.Id));
        third.PersonalDataDeletedAt = Noon;
        store.Update(third);
        Assert.Empty(store.FinishedBefore(Noon.AddDays(-30)));
        Assert.Null(store.Find(third.Id + 100));
    }

    [SkippableFact]
    public void Changes_of_one_request_through_two_instances_take_turns_and_none_is_lost()
    {
        var store = Store();
        var ticket = Ticket("u1", 1);
        store.Add(ticket);
        var other = SameRecords(store);
        Parallel.For(0, 12, i =>
        {
            var tickets = i % 2 == 0 ? store : other;
            tickets.Exclusively(() =>
            {
                var current = tickets.Find(ticket.Id)!;
                current.History.Add(new TicketEntry { Kind = TicketEntryKind.StaffNote, At = Noon, Author = "staff:" + i });
                tickets.Update(current);
                return 0;
            });
        });
        Assert.Equal(12, store.Find(ticket.Id)!.History.Count);
    }
}

public sealed class LiteDbTicketStoreContractTests : TicketStoreContractTests
{
    protected override ITicketStore Store() => new LiteTicketStore(NewLiteRecords("tickets-contract"));

    protected override ITicketStore SameRecords(ITicketStore store) => store;
}

public sealed class PostgresTicketStoreContractTests : TicketStoreContractTests
{
    protected override ITicketStore Store() => new PostgresTicketStore(NewPostgresRecords());

    protected override ITicketStore SameRecords(ITicketStore store) => new PostgresTicketStore(SamePostgresRecords());
}
