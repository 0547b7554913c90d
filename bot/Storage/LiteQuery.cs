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
    /// <summary>One comparison of a field with a value; becomes an expression where LiteDB needs one.</summary>
    public readonly record struct Condition(string Field, string Operator, BsonValue Value)
    {
        public static implicit operator BsonExpression(Condition condition) =>
            BsonExpression.Create($"{condition.Field} {condition.Operator} @0", condition.Value);
    }

    /// <summary><paramref name="field"/> equals <paramref name="value"/> (an indexed field is looked up in its index).</summary>
    public static Condition Is(string field, BsonValue value) => new(field, "=", value ?? BsonValue.Null);

    /// <summary><paramref name="field"/> differs from <paramref name="value"/>.</summary>
    public static Condition IsNot(string field, BsonValue value) => new(field, "!=", value ?? BsonValue.Null);

    /// <summary>An enum value the way LiteDB's mapper stores it by default: by name.</summary>
    public static BsonValue Name<TEnum>(TEnum value) where TEnum : struct, Enum => new(value.ToString());

    /// <summary>
    /// Every condition holds: one expression text with one parameter per condition (<c>(A = @0 AND B = @1)</c>),
    /// parsed once — building each condition first and joining them parsed every part and the whole again.
    /// </summary>
    public static BsonExpression All(params Condition[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Length == 0) throw new ArgumentException("All needs at least one condition.", nameof(conditions));
        if (conditions.Length == 1) return conditions[0];
        var text = new System.Text.StringBuilder("(");
        var values = new BsonValue[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            if (i > 0) text.Append(" AND ");
            text.Append(conditions[i].Field).Append(' ').Append(conditions[i].Operator).Append(" @").Append(i);
            values[i] = conditions[i].Value;
        }
        return BsonExpression.Create(text.Append(')').ToString(), values);
    }
}
