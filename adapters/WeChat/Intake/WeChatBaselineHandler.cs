using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// The load benchmark's baseline (docs/PERFORMANCE.md): the callback's checks without the turn — verify (signature,
/// timestamp, body cap, decrypt, XXE-safe parse), map, the replay claim — answered with a constant passive reply.
/// What the full path is compared against; mapped only when <c>WeChat:BaselineEndpoint</c> is true, never in production.
/// </summary>
public sealed class WeChatBaselineHandler(
    [FromKeyedServices] WeChatAccount account, [FromKeyedServices] WeChatRequestVerifier verifier,
    [FromKeyedServices] WeChatAdmission admission, [FromKeyedServices] WeChatResponder responder, TimeProvider time)
{
    /// <summary>Handles one POST like the callback, up to the turn, and answers <paramref name="constantReply"/>.</summary>
    public async Task HandleAsync(HttpRequest request, HttpResponse response, string constantReply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (!account.Options.Enabled) { response.StatusCode = StatusCodes.Status503ServiceUnavailable; return; }
        var inbound = await verifier.VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        if (!inbound.Accepted) { response.StatusCode = inbound.Status; return; }
        var mapped = WeChatMapper.TryToAction(inbound.Fields!, time.GetUtcNow(), account.ChannelId);
        // Claims the replay key only: the baseline runs no turn, so it takes no dedupe key and begins no lock.
        var admitted = await admission.AdmitAsync(inbound, mapped is null ? null : new InboundAction.Ignore(), cancellationToken).ConfigureAwait(false);
        if (admitted is Admission.Refused refused) { response.StatusCode = refused.Status; return; }
        await responder.WriteReplyAsync(response, inbound, constantReply, cancellationToken).ConfigureAwait(false);
    }
}
