using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAssistant.Storage.Postgres;

/// <summary>
/// How the PostgreSQL stores write a record as a <c>jsonb</c> document (help requests, hand-offs, console lists, studios,
/// …): enums by name, computed properties left out. One set of options, so every table's documents read alike.
/// </summary>
public static class PostgresJson
{
    public static readonly JsonSerializerOptions Options = new() { IgnoreReadOnlyProperties = true, Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T record) => JsonSerializer.Serialize(record, Options);

    public static T Read<T>(string document) => JsonSerializer.Deserialize<T>(document, Options)!;
}
