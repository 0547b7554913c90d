using System.Text;

namespace ChatAssistant.Security;

/// <summary>
/// What an encrypted value belongs to: the <see cref="Field"/> ("dispute.phone") of the <see cref="Record"/>
/// ("ticket:12"). Both are authenticated as associated data, so a value copied into another field, another record
/// or another line of a transcript no longer decrypts.
/// </summary>
public readonly record struct FieldBinding(string Field, string Record)
{
    /// <summary>The associated data: both parts, length-prefixed so no two bindings share a byte string.</summary>
    internal byte[] AssociatedData()
    {
        var text = $"{Field.Length}:{Field}|{Record.Length}:{Record}";
        return Encoding.UTF8.GetBytes(text);
    }

    public override string ToString() => Field + "@" + Record;
}
