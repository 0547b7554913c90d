using System.Globalization;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Staff;

namespace ChatAssistant.Booking.Door;

/// <summary>
/// Staff manage the door screens' display keys under <c>/api/staff/booking/studios/{id}/door-keys</c>: create (the
/// key is shown once), list (never the key), revoke. Changes are audited; other counties' studios answer 404.
/// </summary>
public static class DoorKeyEndpoints
{
    public sealed record DoorKeyRequest(string? Label);

    /// <summary>A key as staff see it (times in Beijing time), without the key.</summary>
    public sealed record DoorKeyView(int Id, string Label, DateTimeOffset CreatedAt, string CreatedBy, bool Active, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt);

    private const int MaxLabelLength = 40;

    public static IEndpointRouteBuilder MapDoorKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/booking/studios/{id:int}/door-keys");
        group.MapGet("", (int id, HttpContext http, IStudioStore studios, IDoorKeyStore keys, AssistantClock clock) =>
            BookingEndpoints.Visible(studios.Find(id), http) is null ? BookingEndpoints.NotFound() : Results.Ok(keys.OfStudio(id).Select(k => View(k, clock))));
        group.MapPost("", (int id, DoorKeyRequest? request, HttpContext http, IStudioStore studios, IDoorKeyStore keys, AuditLog audit, AssistantClock clock) =>
        {
            if (BookingEndpoints.Visible(studios.Find(id), http) is null) return BookingEndpoints.NotFound();
            var label = (request?.Label ?? "").Trim();
            if (label.Length > MaxLabelLength) return Results.BadRequest(new { error = DoorDisplayTexts.LabelTooLong });
            var (record, key) = keys.Create(id, label, http.User.Actor());
            audit.Record(http.User.Actor(), "booking.door-key.create", Subject(id), Detail(record.Id));
            var page = DoorDisplayEndpoints.PagePath(id);
            return Results.Created($"{StaffApi.Prefix}/booking/studios/{id}/door-keys/{record.Id}",
                new { key, url = $"{page}?key={key}", view = View(record, clock) });
        });
        group.MapDelete("/{keyId:int}", (int id, int keyId, HttpContext http, IStudioStore studios, IDoorKeyStore keys, AuditLog audit) =>
        {
            if (BookingEndpoints.Visible(studios.Find(id), http) is null) return BookingEndpoints.NotFound();
            if (!keys.Revoke(id, keyId, http.User.Actor())) return Results.NotFound(new { error = DoorDisplayTexts.UnknownKey });
            audit.Record(http.User.Actor(), "booking.door-key.revoke", Subject(id), Detail(keyId));
            return Results.NoContent();
        });
        return endpoints;
    }

    private static DoorKeyView View(DoorDisplayKey k, AssistantClock clock) => new(
        k.Id, k.Label, clock.ToLocal(k.CreatedAt), k.CreatedBy, k.Active,
        k.RevokedAt is { } r ? clock.ToLocal(r) : null, k.RevokedBy, k.LastUsedAt is { } u ? clock.ToLocal(u) : null);

    private static string Subject(int studioId) => string.Create(CultureInfo.InvariantCulture, $"studio:{studioId}");

    private static string Detail(int keyId) => string.Create(CultureInfo.InvariantCulture, $"key {keyId}");
}
