using System.Collections.Concurrent;
using System.Reflection;

namespace ChatAssistant.Storage;

/// <summary>
/// LiteDB keeps an empty text as null (its mapper's <c>EmptyStringToNull</c>), so a record read back from the file can
/// hold null where its type says a text is never null. <see cref="Restore{T}"/> puts the empty texts back, for what
/// leaves the file (<c>records copy</c> into PostgreSQL, whose columns are <c>NOT NULL</c> where the record's are).
/// </summary>
public static class LiteEmptyTexts
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> NeverNull = new();

    /// <summary>Sets every settable non-nullable text property of <paramref name="record"/> that is null to "".</summary>
    public static T Restore<T>(T record) where T : class
    {
        foreach (var property in NeverNull.GetOrAdd(record.GetType(), Find))
            if (property.GetValue(record) is null) property.SetValue(record, "");
        return record;
    }

    private static PropertyInfo[] Find(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.CanRead && nullability.Create(p).WriteState == NullabilityState.NotNull)
            .ToArray();
    }
}
