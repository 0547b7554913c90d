using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// What a turn says beyond its passive reply goes out through the customer-service API (<see cref="WeChatMessenger"/>,
/// which records whatever WeChat refuses), off the request and kept alive through a graceful shutdown
/// (<see cref="WeChatBackgroundWork"/>): the whole reply of a turn slower than the reply deadline, and the rest of a
/// long one, behind its passive reply.
/// </summary>
public sealed class WeChatLateDelivery([FromKeyedServices] WeChatMessenger messenger, WeChatBackgroundWork background)
{
    /// <summary>Sends <paramref name="parts"/> to <paramref name="openId"/> once they are ready.</summary>
    internal void Send(string openId, Task<IReadOnlyList<string>> parts) => background.Run(async () =>
    {
        var ready = await parts.ConfigureAwait(false);
        if (ready.Count > 0) await messenger.SendPartsAsync(openId, ready, CancellationToken.None).ConfigureAwait(false);
    });

    /// <summary>Sends <paramref name="rest"/> once <paramref name="replied"/> has completed, so that it arrives behind the passive reply.</summary>
    internal void SendAfter(Task replied, string openId, IReadOnlyList<string> rest) => Send(openId, After(replied, rest));

    private static async Task<IReadOnlyList<string>> After(Task replied, IReadOnlyList<string> rest)
    {
        await replied.ConfigureAwait(false);
        return rest;
    }
}
