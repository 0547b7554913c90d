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
    /// <summary><paramref name="field"/> equals <paramref name="value"/> (an indexed field is looked up in its index).</summary>
    public static BsonExpression Is(string field, BsonValue value) => Compare(field, "=", value);

    /// <summary><paramref name="field"/> differs from <paramref name="value"/>.</summary>
    public static BsonExpression IsNot(string field, BsonValue value) => Compare(field, "!=", value);

    private static BsonExpression Compare(string field, string op, BsonValue? value) =>
        BsonExpression.Create($"{field} {op} @0", value ?? BsonValue.Null);

    /// <summary>An enum value the way LiteDB's mapper stores it by default: by name.</summary>
    public static BsonValue Name<TEnum>(TEnum value) where TEnum : struct, Enum => new(value.ToString());

    /// <summary>Every condition holds.</summary>
    public static BsonExpression All(params BsonExpression[] conditions)
    {
        if (conditions.Length == 1) return conditions[0];
        // Query.And joins the texts and drops the parameters: renumber each condition's @0 and pass all values.
        var parts = new string[conditions.Length];
        var values = new BsonValue[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i].Parameters.Count != 1 || !conditions[i].Parameters.ContainsKey("0"))
                throw new ArgumentException("All combines conditions made by Is and IsNot only.", nameof(conditions));
            parts[i] = conditions[i].Source.Replace("@0", "@" + i, StringComparison.Ordinal);
            values[i] = conditions[i].Parameters["0"];
        }
        return BsonExpression.Create("(" + string.Join(" AND ", parts) + ")", values);
    }
}
