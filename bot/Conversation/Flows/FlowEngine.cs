using ChatAssistant.Conversation.Time;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// Runs flows over the frames saved in <see cref="ConversationData"/>: starts them, feeds them answers,
/// re-prompts with a limit, cancels, and resumes an interrupted flow when the one on top ends.
/// A small stand-in for Bot.Builder.Dialogs, which our registry does not serve.
/// </summary>
public sealed class FlowEngine
{
    private readonly Dictionary<string, Flow> _flows;
    private readonly AssistantClock _clock;
    private readonly ILogger<FlowEngine> _log;

    public FlowEngine(IEnumerable<Flow> flows, AssistantClock clock, ILogger<FlowEngine> log)
    {
        _flows = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _clock = clock;
        _log = log;
    }

    /// <summary>True when <paramref name="flowId"/> is registered.</summary>
    public bool Has(string flowId) => _flows.ContainsKey(flowId);

    /// <summary>The flow the user is answering, or null.</summary>
    public Flow? Active(ConversationData data) =>
        data.Flows.Count == 0 ? null : _flows.GetValueOrDefault(data.Flows[^1].FlowId);

    /// <summary>True when the active flow waits for a 是/否 answer (<see cref="FlowStep.AnswersYesNo"/>).</summary>
    public bool AwaitsYesNo(ConversationData data) =>
        Active(data) is { } flow && data.Flows[^1].Step is var i && i < flow.Steps.Count && flow.Steps[i].AnswersYesNo;

    /// <summary>True when the active step waits for the user's account of what happened (<see cref="FlowStep.IsAccount"/>).</summary>
    public bool AwaitsAccount(ConversationData data) =>
        Active(data) is { } flow && data.Flows[^1].Step is var i && i < flow.Steps.Count && flow.Steps[i].IsAccount;

    /// <summary>
    /// Gives <paramref name="input"/> to the active account step without saying anything: when the step takes it, the
    /// flow moves past it and waits there (its next question is asked on 「继续」). Used when a crisis interrupts a
    /// help request's description: the user's words are kept, not asked again. False when nothing was kept.
    /// </summary>
    public async Task<bool> TryKeepAnswerAsync(ITurnContext turn, ConversationData data, string input, CancellationToken cancellationToken)
    {
        if (!AwaitsAccount(data)) return false;
        var frame = data.Flows[^1];
        var step = _flows[frame.FlowId].Steps[frame.Step];
        var result = await step.Handle(new FlowContext(turn, frame, data, _clock.Now), input, cancellationToken);
        switch (result.Outcome)
        {
            case StepOutcome.Next:
                frame.Step++;
                frame.Attempts = 0;
                return true;
            case StepOutcome.End:
                data.Flows.Remove(frame); // the step finished the flow (an addition saved to a ticket)
                return true;
            default:
                return false;
        }
    }

    /// <summary>Starts a flow on top of any running one (which resumes when this one ends).</summary>
    public async Task StartAsync(ITurnContext turn, ConversationData data, string flowId, IReadOnlyDictionary<string, string>? slots, CancellationToken cancellationToken)
    {
        if (!_flows.ContainsKey(flowId)) throw new InvalidOperationException($"Unknown flow '{flowId}'.");
        // Starting a flow that is already running restarts it rather than stacking two copies; flows that would
        // not come back after this one (a question's pick-a-number list) are dropped now.
        data.Flows.RemoveAll(f => f.FlowId == flowId || (_flows.TryGetValue(f.FlowId, out var under) && !under.ResumesAfterInterruption));
        data.Flows.Add(new FlowFrame { FlowId = flowId, Slots = slots is null ? [] : new(slots) });
        _log.LogDebug("Flow {FlowId} started", flowId);
        await RunAsync(turn, data, input: null, prompt: true, cancellationToken);
    }

    /// <summary>
    /// Gives the user's answer to the active step. False when the step did not take it as an answer
    /// (<see cref="StepResult.Reroute"/>): the flow has ended and the caller routes the input afresh.
    /// </summary>
    public Task<bool> ContinueAsync(ITurnContext turn, ConversationData data, string input, CancellationToken cancellationToken) =>
        RunAsync(turn, data, input, prompt: false, cancellationToken);

    /// <summary>Asks the active step's question again (after 帮助 or 继续).</summary>
    public Task RepromptAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken) =>
        RunAsync(turn, data, input: null, prompt: true, cancellationToken);

    /// <summary>Drops every running flow. Returns the title of the one the user was answering, or null.</summary>
    public string? CancelAll(ConversationData data)
    {
        var title = Active(data)?.Title;
        data.Flows.Clear();
        return title;
    }

    private async Task<bool> RunAsync(ITurnContext turn, ConversationData data, string? input, bool prompt, CancellationToken ct)
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
                return true;
            }

            var step = flow.Steps[frame.Step];
            var ctx = new FlowContext(turn, frame, data, _clock.Now);
            if (prompt && step.Prompt is not null)
            {
                await step.Prompt(ctx, ct);
                if (!ctx.Ended) return true;
                if (await PopAsync(turn, data, ct)) continue;
                return true;
            }

            var result = await step.Handle(ctx, prompt ? null : input, ct);
            prompt = true;
            input = null;
            switch (result.Outcome)
            {
                case StepOutcome.Next:
                    frame.Step++;
                    frame.Attempts = 0;
                    break;
                case StepOutcome.GoTo:
                    frame.Step = flow.IndexOf(result.Target!);
                    frame.Attempts = 0;
                    break;
                case StepOutcome.Wait:
                    return true;
                case StepOutcome.Reroute:
                    data.Flows.RemoveAt(data.Flows.Count - 1);
                    return false;
                case StepOutcome.Retry:
                    frame.Attempts++;
                    if (frame.Attempts >= flow.MaxAttempts || step.Prompt is null)
                    {
                        await ctx.SendAsync(FlowTexts.TooManyAttempts(flow.Title), ct);
                        data.Flows.RemoveAt(data.Flows.Count - 1);
                        if (data.Flows.Count > 0) await ResumeNoticeAsync(turn, data, ct);
                        break;
                    }
                    await ctx.SendAsync(result.Message!, ct);
                    return true;
                case StepOutcome.End:
                    if (await PopAsync(turn, data, ct)) continue;
                    return true;
                case StepOutcome.Switch:
                    data.Flows.RemoveAt(data.Flows.Count - 1);
                    data.Flows.RemoveAll(f => f.FlowId == result.Target);
                    data.Flows.Add(new FlowFrame { FlowId = result.Target!, Slots = result.Slots is null ? [] : new(result.Slots) });
                    break;
            }
        }
        return true;
    }

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
