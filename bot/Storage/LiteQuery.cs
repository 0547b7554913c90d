using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>
/// Predicates for the LiteDB look-ups on the chat path, built directly instead of from LINQ. LiteDB 5 translates a
/// LINQ predicate anew on every call and evaluates each captured variable with <c>Expression.Compile</c>, so every
/// query JIT-compiles a new method: 145 µs for an indexed <c>FindOne</c> against 44 µs for the same
/// <see cref="Query.EQ"/>, and under load the JIT took 18 % of the server's CPU (docs/PERFORMANCE.md). LiteDB has no
/// cache to turn on for this, so hot queries use these helpers; staff-only queries may keep LINQ.
/// Values go in as parameters (<c>@0</c>), never as literals: LiteDB's own <see cref="Query.EQ"/> writes the value
/// into the expression text, so every distinct value (each user's OpenID) was parsed, compiled and cached anew —
/// LiteDB keeps compiled expressions by their text, which then grows with the number of users.
/// </summary>
public static class LiteQuery
{
    // Parsed expressions by text, each rented by one query at a time: LiteDB parses an expression text (and builds
    // its LINQ tree) on every BsonExpression.Create — 3 % of a turn's CPU for the roster and booking look-ups.
    // The parsed tree reads its values from the expression's parameter document when it runs, so a rented
    // expression gets the call's values, runs, and comes back; it never leaves the methods below.
    private static readonly ConcurrentDictionary<string, ConcurrentBag<BsonExpression>> Parsed = new(StringComparer.Ordinal);

    /// <summary>One comparison of a field with a value.</summary>
    public readonly record struct Condition(string Field, string Operator, BsonValue Value);

    /// <summary>Reads an <see cref="ObjectId"/> from a URL or a command line (24 hex digits); false for anything else.</summary>
    public static bool TryParseId(string id, out ObjectId oid)
    {
        oid = ObjectId.Empty;
        if (id.Length != 24 || !id.All(Uri.IsHexDigit)) return false;
        oid = new ObjectId(id);
        return true;
    }

    /// <summary><paramref name="field"/> equals <paramref name="value"/> (an indexed field is looked up in its index).</summary>
    public static Condition Is(string field, BsonValue value) => new(field, "=", value ?? BsonValue.Null);

    /// <summary><paramref name="field"/> differs from <paramref name="value"/>.</summary>
    public static Condition IsNot(string field, BsonValue value) => new(field, "!=", value ?? BsonValue.Null);

    /// <summary>An enum value the way LiteDB's mapper stores it by default: by name.</summary>
    public static BsonValue Name<TEnum>(TEnum value) where TEnum : struct, Enum => new(value.ToString());

    /// <summary>The documents for which every condition holds, read to the end.</summary>
    public static List<T> FindWhere<T>(this ILiteCollection<T> collection, params Condition[] all) =>
        Run(collection, all, static (c, e) => c.Find(e).ToList());

    /// <summary>The first document for which every condition holds, or null.</summary>
    public static T? FindOneWhere<T>(this ILiteCollection<T> collection, params Condition[] all) =>
        Run(collection, all, static (c, e) => c.FindOne(e));

    /// <summary>How many documents satisfy every condition.</summary>
    public static int CountWhere<T>(this ILiteCollection<T> collection, params Condition[] all) =>
        Run(collection, all, static (c, e) => c.Count(e));

    /// <summary>
    /// The expression text of <paramref name="all"/>: <c>(A = @0 AND B = @1)</c>, one parameter per condition —
    /// the values never enter the text, so the texts are as few as the call sites.
    /// </summary>
    public static string TextOf(params Condition[] all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Length == 0) throw new ArgumentException("At least one condition is needed.", nameof(all));
        var text = new StringBuilder(all.Length == 1 ? "" : "(");
        for (var i = 0; i < all.Length; i++)
        {
            if (i > 0) text.Append(" AND ");
            text.Append(all[i].Field).Append(' ').Append(all[i].Operator).Append(" @").Append(i.ToString(CultureInfo.InvariantCulture));
        }
        return (all.Length == 1 ? text : text.Append(')')).ToString();
    }

    private static TResult Run<T, TResult>(ILiteCollection<T> collection, Condition[] all, Func<ILiteCollection<T>, BsonExpression, TResult> query)
    {
        ArgumentNullException.ThrowIfNull(collection);
        using var span = ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Records("find", collection.Name);
        var text = TextOf(all);
        var bag = Parsed.GetOrAdd(text, static _ => []);
        if (!bag.TryTake(out var expression)) expression = BsonExpression.Create(text, new BsonDocument());
        try
        {
            for (var i = 0; i < all.Length; i++) expression.Parameters[i.ToString(CultureInfo.InvariantCulture)] = all[i].Value;
            return query(collection, expression);
        }
        finally
        {
            expression.Parameters.Clear(); // no value (an OpenID) stays behind in the pool
            bag.Add(expression);
        }
    }
}
