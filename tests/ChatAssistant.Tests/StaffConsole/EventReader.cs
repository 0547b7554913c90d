using System.Net.ServerSentEvents;
using System.Text.Json;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>Reads a console's event stream as a browser's EventSource would.</summary>
public sealed class EventReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _items;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(15));

    private EventReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _items = SseParser.Create(stream).EnumerateAsync(_timeout.Token).GetAsyncEnumerator(_timeout.Token);
    }

    public static async Task<EventReader> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/staff/escalations/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new EventReader(response, await response.Content.ReadAsStreamAsync());
        Assert.True(await reader._items.MoveNextAsync());
        Assert.Equal("ready", reader._items.Current.EventType);
        return reader;
    }

    public async Task<string> NextEscalationIdAsync() =>
        (await NextAsync("escalation")).GetProperty("id").GetString()!;

    /// <summary>The data of the next event of <paramref name="eventType"/> (others and pings are skipped).</summary>
    public async Task<JsonElement> NextAsync(string eventType)
    {
        while (await _items.MoveNextAsync())
            if (_items.Current.EventType == eventType)
                return JsonDocument.Parse(_items.Current.Data).RootElement;
        throw new InvalidOperationException("stream ended");
    }

    /// <summary>The type and data of the next event other than a ping.</summary>
    public async Task<(string Type, JsonElement Data)> NextAnyAsync()
    {
        while (await _items.MoveNextAsync())
            if (_items.Current.EventType != "ping")
                return (_items.Current.EventType, JsonDocument.Parse(_items.Current.Data).RootElement);
        throw new InvalidOperationException("stream ended");
    }

    public async ValueTask DisposeAsync()
    {
        await _timeout.CancelAsync();
        await _items.DisposeAsync();
        _response.Dispose();
        _timeout.Dispose();
    }
}
