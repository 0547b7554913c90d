using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation.Flows;

/// <summary>The engine's loop: runs steps until one waits for the user, counts misses, pops ended flows.</summary>
public sealed partial class FlowEngine
{
    private async Task<FlowReply> RunAsync(ITurnContext turn, ConversationData data, string? input, bool prompt, bool holdRefusal, CancellationToken ct)
    {
        while (data.Flows.Count > 0)
        {
            var frame = data.Flows[^1];
            if (!_flows.TryGetValue(frame.FlowId, out var flow))
            {
                // A flow removed by an upgrade: drop its frame rather than getting stuck.
                _log.LogWarning("Dropping unknown flow {FlowId}", frame.FlowId);
                data.Flows.RemoveAt(data.Flows.Count - 1);
                continue;
            }
            if (frame.Step >= flow.Steps.Count)
            {
                if (await PopAsync(turn, data, ct)) { prompt = true; input = null; continue; }
                return FlowReply.Taken;
            }

            var step = flow.Steps[frame.Step];
            var ctx = Context(turn, frame, data);
            if (prompt && step.Prompt is not null)
            {
                await step.Prompt(ctx, ct);
                if (!ctx.Ended) return FlowReply.Taken;
                if (await PopAsync(turn, data, ct)) continue;
                return FlowReply.Taken;
            }

            // Only the first step handled in a call gets the user's message; the steps it leads to run without.
            var answering = !prompt && input is not null;
            var result = await step.Handle(ctx, answering ? input : null, ct);
            prompt = true;
            input = null;
            switch (result.Outcome)
            {
                case StepOutcome.Next:
                    frame.Step++;
                    frame.Attempts = 0;
                    if (answering) frame.Answered++;
                    break;
                case StepOutcome.GoTo:
                    frame.Step = flow.IndexOf(result.Target!);
                    frame.Attempts = 0;
                    if (answering) frame.Answered++;
                    break;
                case StepOutcome.Wait:
                    return FlowReply.Taken;
                case StepOutcome.Reroute:
                    data.Flows.RemoveAt(data.Flows.Count - 1);
                    return FlowReply.Rerouted;
                case StepOutcome.Retry:
                    if (answering && holdRefusal) return FlowReply.Refused(result.Message!);
                    if (await MissAsync(turn, data, frame, flow, step, result.Message!, ct)) break;
                    return FlowReply.Taken;
                case StepOutcome.End:
                    if (await PopAsync(turn, data, ct)) continue;
                    return FlowReply.Taken;
                case StepOutcome.Switch:
                    data.Flows.RemoveAt(data.Flows.Count - 1);
                    data.Flows.RemoveAll(f => f.FlowId == result.Target);
                    data.Flows.Add(new FlowFrame { FlowId = result.Target!, Slots = result.Slots is null ? [] : new(result.Slots) });
                    break;
            }
        }
        return FlowReply.Taken;
    }

    /// <summary>
    /// Counts an answer the step did not take and replies. Up to the flow's limit the step's message is the reply.
    /// Then the question is asked again (its options shown again), keeping every answer the user gave, for the flow
    /// is worth keeping; a flow that would not come back after an interruption (a list of suggestions) gives up.
    /// True when the caller goes on running (to ask again, or to resume the flow underneath).
    /// </summary>
    private async Task<bool> MissAsync(ITurnContext turn, ConversationData data, FlowFrame frame, Flow flow, FlowStep step, string message, CancellationToken ct)
    {
        frame.Attempts++;
        if (frame.Attempts < flow.MaxAttempts && step.Prompt is not null)
        {
            await SayAsync(turn, message, ct);
            return false;
        }
        if (step.Prompt is not null && flow.ResumesAfterInterruption)
        {
            frame.Attempts = 0;
            await SayAsync(turn, FlowTexts.AskingAgain(frame.Answered > 0), ct);
            return true;
        }
        await SayAsync(turn, FlowTexts.TooManyAttempts(flow.Title), ct);
        data.Flows.Remove(frame);
        if (data.Flows.Count == 0) return false;
        await ResumeNoticeAsync(turn, data, ct);
        return true;
    }

    private FlowContext Context(ITurnContext turn, FlowFrame frame, ConversationData data) => new(turn, frame, data, _clock.Now, _times);

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) =>
        turn.SendActivityAsync(MessageFactory.Text(text), ct);

    // Ends the top flow; true when an interrupted flow is underneath and should be re-prompted.
    private async Task<bool> PopAsync(ITurnContext turn, ConversationData data, CancellationToken ct)
    {
        data.Flows.RemoveAt(data.Flows.Count - 1);
        if (data.Flows.Count == 0) return false;
        await ResumeNoticeAsync(turn, data, ct);
        return true;
    }

    private Task ResumeNoticeAsync(ITurnContext turn, ConversationData data, CancellationToken ct)
    {
        var title = Active(data)?.Title ?? "";
        return turn.SendActivityAsync(MessageFactory.Text(FlowTexts.Resuming(title)), ct);
    }
}
