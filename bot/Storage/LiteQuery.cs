using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>
/// Predicates for the LiteDB look-ups on the chat path, built directly instead of from LINQ. LiteDB 5 translates a
/// LINQ predicate anew on every call and evaluates each captured variable with <c>Expression.Compile</c>, so every
/// query JIT-compiles a new method: 145 µs for an indexed <c>FindOne</c> against 44 µs for the same
/// <see cref="Query.EQ"/>, and under load the JIT took 18 % of the server's CPU (docs/PERFORMANCE.md). LiteDB has no
/// cache to turn on for this, so hot queries use these helpers; staff-only queries may keep LINQ.
/// </summary>
public static class LiteQuery
{
    /// <summary><paramref name="field"/> equals <paramref name="value"/> (an indexed field is looked up in its index).</summary>
    public static BsonExpression Is(string field, BsonValue value) => Query.EQ(field, value);

    /// <summary><paramref name="field"/> differs from <paramref name="value"/>.</summary>
    public static BsonExpression IsNot(string field, BsonValue value) => Query.Not(field, value);

    /// <summary>An enum value the way LiteDB's mapper stores it by default: by name.</summary>
    public static BsonValue Name<TEnum>(TEnum value) where TEnum : struct, Enum => new(value.ToString());

    /// <summary>Every condition holds.</summary>
    public static BsonExpression All(params BsonExpression[] conditions) =>
        conditions.Length == 1 ? conditions[0] : Query.And(conditions);
}
