using ChatAssistant.Security;
using ChatAssistant.Storage;
using ChatAssistant.Audit;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>
/// The lifecycle of help requests (new → acknowledged → in progress → resolved/closed; withdrawn by the
/// user), their history, and deletion of personal fields. Every change is audited and published. No
/// Bot.Builder types here.
/// </summary>
public sealed class TicketService
{
    public const string Collection = LiteDb.LiteTicketStore.Collection;

    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Acknowledged, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Acknowledged] = [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.InProgress] = [TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.InProgress, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
        [TicketStatus.Withdrawn] = [],
    };

    private readonly ITicketStore _tickets;
    private readonly FieldCipher _cipher;
    private readonly AuditLog _audit;
    private readonly TicketEvents _events;
    private readonly TimeProvider _time;
    private readonly DisputeOptions _options;
    private readonly ILogger<TicketService> _log;

    public TicketService(ITicketStore tickets, FieldCipher cipher, AuditLog audit, TicketEvents events, TimeProvider time, IOptions<DisputeOptions> options, ILogger<TicketService> log)
    {
        _tickets = tickets;
        _cipher = cipher;
        _audit = audit;
        _events = events;
        _time = time;
        _options = options.Value;
        _log = log;
    }

    public DisputeOptions Options => _options;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Files a request; its free-text fields are encrypted for this ticket (bound to its number).</summary>
    public Ticket Create(NewTicket draft)
    {
        var now = Now;
        var ticket = new Ticket
        {
            UserId = draft.UserId,
            ChannelId = draft.ChannelId,
            FiledBy = draft.FiledBy,
            AgeBand = draft.AgeBand,
            GuardianConsent = draft.GuardianConsent,
            County = draft.County,
            Category = draft.Category,
            Anonymous = draft.Anonymous,
            Contact = draft.Contact,
            Status = TicketStatus.New,
            ConsentedAt = draft.ConsentedAt,
            CreatedAt = now,
        };
        // The id the fields are bound to comes with the insert: insert, encrypt, update, as one transaction.
        _tickets.Exclusively(() =>
        {
            _tickets.Add(ticket);
            ticket.Description = _cipher.Protect(draft.Description, TicketFields.Of(ticket.Id, TicketFields.Description));
            ticket.Phone = draft.Phone is null ? null : _cipher.Protect(draft.Phone, TicketFields.Of(ticket.Id, TicketFields.Phone));
            ticket.Name = draft.Name is null ? null : _cipher.Protect(draft.Name, TicketFields.Of(ticket.Id, TicketFields.Name));
            _tickets.Update(ticket);
            return ticket;
        });
        _log.LogInformation("Help request {Number} filed ({Category}, {County})", ticket.Number, ticket.Category, ticket.County);
        Changed(ticket, "user", "created", null);
        return ticket;
    }

    public Ticket? Find(int id) => _tickets.Find(id);

    /// <summary>A user's own requests, newest first.</summary>
    public IReadOnlyList<Ticket> ForUser(string userId) => _tickets.OfUser(userId);

    /// <summary>Requests <paramref name="canSee"/> allows, oldest open first.</summary>
    public IReadOnlyList<Ticket> List(Func<Ticket, bool> canSee, TicketStatus? status = null) =>
        _tickets.All()
            .Where(t => canSee(t) && (status is null || t.Status == status))
            .OrderBy(t => t.IsOpen ? 0 : 1).ThenBy(t => t.CreatedAt)
            .ToList();

    /// <summary>The user adds information to their open request.</summary>
    public TicketOutcome UserAdd(int id, string userId, string text) => Mutate(id, "user", "user-added", t =>
    {
        if (t.UserId != userId) return DisputeTexts.NotYours;
        if (!t.IsOpen) return DisputeTexts.NotOpen;
        // Nothing new on a ticket whose personal data is gone (one reopened before that was refused): retention
        // would never delete it again.
        if (t.PersonalDataDeletedAt is not null) return DisputeTexts.AdditionAfterPurge;
        AddEntry(t, new TicketEntry { Kind = TicketEntryKind.UserAddition, At = Now, Author = "user" }, text);
        return null;
    });

    /// <summary>The user withdraws: the request stops and its personal fields are deleted at once.</summary>
    public TicketOutcome Withdraw(int id, string userId) => Mutate(id, "user", "withdrawn", t =>
    {
        if (t.UserId != userId) return DisputeTexts.NotYours;
        if (!t.IsOpen) return DisputeTexts.NotOpen;
        t.Status = TicketStatus.Withdrawn;
        t.FinishedAt = Now;
        DeletePersonalFields(t);
        return null;
    });

    /// <summary>Staff confirm they have seen the request.</summary>
    public TicketOutcome Acknowledge(int id, string actor) => ChangeStatus(id, TicketStatus.Acknowledged, actor);

    /// <summary>Moves a request along its lifecycle (only the allowed steps).</summary>
    public TicketOutcome ChangeStatus(int id, TicketStatus target, string actor) => Mutate(id, actor, target == TicketStatus.Acknowledged ? "acknowledged" : "status", t =>
    {
        if (!Allowed[t.Status].Contains(target)) return DisputeTexts.BadTransition(t.Status, target);
        // Reopened, it could gain new personal text that retention (finished tickets only, once) never deletes.
        if (t.PersonalDataDeletedAt is not null && target is not (TicketStatus.Resolved or TicketStatus.Closed))
            return DisputeTexts.StaffReopenAfterPurge;
        var from = t.Status;
        t.Status = target;
        t.AcknowledgedAt ??= Now;
        t.FinishedAt = target is TicketStatus.Resolved or TicketStatus.Closed ? Now : null;
        _log.LogInformation("Help request {Number}: {From} → {To}", t.Number, from, target);
        return null;
    }, detail: target.ToString());

    /// <summary>Adds an internal note (encrypted; never shown to the user).</summary>
    public TicketOutcome AddNote(int id, string actor, string text) => Mutate(id, actor, "note", t =>
    {
        if (t.PersonalDataDeletedAt is not null) return DisputeTexts.PersonalDataGone;
        AddEntry(t, new TicketEntry { Kind = TicketEntryKind.StaffNote, At = Now, Author = actor }, text);
        return null;
    });

    /// <summary>Records a reply sent (or refused) to the user.</summary>
    public TicketOutcome RecordReply(int id, string actor, string text, bool delivered, string? error) => Mutate(id, actor, "reply", t =>
    {
        AddEntry(t, new TicketEntry { Kind = TicketEntryKind.StaffReply, At = Now, Author = actor, Delivered = delivered, DeliveryError = error }, text);
        t.AcknowledgedAt ??= Now;
        if (t.Status == TicketStatus.New) t.Status = TicketStatus.Acknowledged;
        return null;
    }, detail: delivered ? "delivered" : "not delivered: " + error);

    /// <summary>Deletes the personal fields of requests resolved or closed more than RetentionDays ago. Returns how many.</summary>
    public int PurgeExpired()
    {
        var cutoff = Now - TimeSpan.FromDays(_options.RetentionDays);
        var due = _tickets.FinishedBefore(cutoff)
            .Where(t => t.Status is TicketStatus.Resolved or TicketStatus.Closed)
            .Select(t => t.Id).ToList();
        var purged = due.Count(id => Mutate(id, "system:retention", "purged", t =>
        {
            DeletePersonalFields(t);
            return null;
        }).Kind == TicketOutcomeKind.Ok);
        return purged;
    }

    // A history line's text is bound to the ticket, its place in the history and its kind.
    private void AddEntry(Ticket t, TicketEntry entry, string text)
    {
        entry.Text = _cipher.Protect(text, TicketFields.OfEntry(t.Id, t.History.Count, entry.Kind));
        t.History.Add(entry);
    }

    private void DeletePersonalFields(Ticket t)
    {
        t.Description = null;
        t.Phone = null;
        t.Name = null;
        foreach (var entry in t.History) entry.Text = null;
        t.PersonalDataDeletedAt = Now;
    }

    // Read-modify-write exclusively (on every instance): two staff acting on the same ticket must not lose each
    // other's change. No await inside.
    private TicketOutcome Mutate(int id, string actor, string change, Func<Ticket, string?> apply, string? detail = null)
    {
        var outcome = _tickets.Exclusively(() =>
        {
            var found = _tickets.Find(id);
            if (found is null) return TicketOutcome.NotFound;
            var error = apply(found);
            if (error is not null) return TicketOutcome.Conflict(error);
            found.UpdatedAt = Now;
            _tickets.Update(found);
            return TicketOutcome.Ok(found);
        });
        if (outcome.Kind == TicketOutcomeKind.Ok) Changed(outcome.Ticket!, actor, change, detail);
        return outcome;
    }

    private void Changed(Ticket t, string actor, string change, string? detail)
    {
        _audit.Record(actor, "ticket." + change, "ticket:" + t.Number, detail);
        // An unassigned request (其他地区) is no county's: its events go where an unknown county's do (the default scope).
        _events.Publish(new TicketChanged(t.Number, CountyDirectory.IsUnassigned(t.County) ? null : t.County, t.Status, change, Now));
    }
}
