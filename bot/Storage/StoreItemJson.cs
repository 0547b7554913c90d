using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ChatAssistant.Storage;

/// <summary>
/// Bot.Builder <see cref="MemoryStorage"/>'s serialisation and ETag rules, shared by our stores that keep
/// items as text, so that every <see cref="IStorage"/> here behaves like MemoryStorage.
/// </summary>
internal static class StoreItemJson
{
    /// <summary>The property MemoryStorage writes the ETag into.</summary>
    public const string ETagProperty = "eTag";

    /// <summary>The ETag that means "write whatever is stored" (last writer wins).</summary>
    public const string Wildcard = "*";

    // The same settings as MemoryStorage's serializer, so that state round-trips to the same types:
    // TypeNameHandling.All records concrete types ($type), under short names for our own state (StateTypeNames;
    // long names still read). Unlike MemoryStorage, a stored $type may only name a type state is made of
    // (StateTypeNames.IsStateType); the store (Redis, the LiteDB file) should still be reachable by this application only.
    private static readonly JsonSerializer Serializer = CreateSerializer(StateTypeNames.Instance);

    /// <summary>The serializer with another binder (the benchmark compares the default one's long names).</summary>
    internal static JsonSerializer CreateSerializer(ISerializationBinder binder) => new()
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
        SerializationBinder = binder,
    };

    /// <summary>Turns one entry of a WriteAsync batch into what the store must do with it.</summary>
    public static PreparedWrite Prepare(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        // MemoryStorage stores a null value as "nothing there": reads skip it and no ETag is checked.
        if (value is null) return new PreparedWrite(key, null, CheckETag: false, ExpectedETag: null, NewETag: null);

        // Most writes (Bot.Builder's state bags) carry no ETag: straight to text, without a JObject in between.
        if (value is not IStoreItem item)
            return new PreparedWrite(key, Write(value), CheckETag: false, ExpectedETag: null, NewETag: null);

        var state = JObject.FromObject(value, Serializer);
        // Unique across instances, unlike MemoryStorage's per-process counter.
        var newETag = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        state[ETagProperty] = newETag;
        return new PreparedWrite(key, state.ToString(Formatting.None), CheckETag: item.ETag != Wildcard, item.ETag, newETag);
    }

    /// <summary>
    /// True when MemoryStorage would refuse the write: the stored item carries an ETag, and the new item is
    /// an <see cref="IStoreItem"/> whose ETag is neither "*" nor the stored one (null and "" included).
    /// </summary>
    public static bool Conflicts(PreparedWrite write, string? storedETag) =>
        storedETag is not null && write.CheckETag && write.ExpectedETag != storedETag;

    /// <summary>The exception MemoryStorage throws on an ETag conflict (same type, same message).</summary>
    public static ArgumentException Conflict(string? expected, string? current) =>
        new($"Etag conflict.\r\n\r\nOriginal: {expected}\r\nCurrent: {current}");

    /// <summary>Reads stored text back into the object MemoryStorage would return.</summary>
    public static object Read(string json) => Read(json, Serializer);

    internal static object Read(string json, JsonSerializer serializer)
    {
        // DateParseHandling.None: a string that looks like a date stays the same string (MemoryStorage keeps
        // tokens, never text, so it never re-parses). Typed DateTime properties still convert from the ISO text.
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = null,
        };
        // Straight from the text, as MemoryStorage's JToken.ToObject would give (same serializer, same reader settings).
        return serializer.Deserialize<object>(reader)!;
    }

    private static string Write(object value) => Write(value, Serializer);

    internal static string Write(object value, JsonSerializer serializer)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
            serializer.Serialize(writer, value);
        return text.ToString();
    }
}
