using ChatAssistant.Security;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Disputes;

/// <summary>
/// Help requests' part of the one-time re-encryption: description, phone, name and history texts written by the
/// earlier format are encrypted again bound to their ticket (<see cref="TicketFields"/>). A ticket is saved whole;
/// batches of tickets are saved in one transaction each.
/// </summary>
public sealed class TicketFieldRebinding(ILiteDatabase db) : IFieldRebinding
{
    private const int BatchSize = 200;

    public string Name => TicketService.Collection;

    public void Run(LegacyFieldRebinder rebinder, CancellationToken cancellationToken)
    {
        var tickets = db.GetCollection<Ticket>(TicketService.Collection);
        var due = tickets.FindAll().Where(HasLegacyValue).Select(t => t.Id).ToList();
        foreach (var batch in due.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            LiteTransaction.Run(db, () =>
            {
                foreach (var id in batch)
                {
                    var t = tickets.FindById(id);
                    t.Description = rebinder.Rebind(t.Description, TicketFields.Description, TicketFields.Of(t.Id, TicketFields.Description));
                    t.Phone = rebinder.Rebind(t.Phone, TicketFields.Phone, TicketFields.Of(t.Id, TicketFields.Phone));
                    t.Name = rebinder.Rebind(t.Name, TicketFields.Name, TicketFields.Of(t.Id, TicketFields.Name));
                    for (var i = 0; i < t.History.Count; i++)
                        t.History[i].Text = rebinder.Rebind(t.History[i].Text, TicketFields.Entry, TicketFields.OfEntry(t.Id, i, t.History[i].Kind));
                    tickets.Update(t);
                }
            });
        }
    }

    private static bool HasLegacyValue(Ticket t) =>
        FieldCipher.IsLegacy(t.Description) || FieldCipher.IsLegacy(t.Phone) || FieldCipher.IsLegacy(t.Name)
        || t.History.Any(e => FieldCipher.IsLegacy(e.Text));
}
