using ChatAssistant.Conversation.Time;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// Runs flows over the frames saved in <see cref="ConversationData"/>: starts them, feeds them answers,
/// asks again after misses (keeping what was answered), cancels, and resumes an interrupted flow when the one on
/// top ends. A small stand-in for Bot.Builder.Dialogs, which our registry does not serve.
/// </summary>
public sealed partial class FlowEngine
{
    private readonly Dictionary<string, Flow> _flows;
    private readonly AssistantClock _clock;
    private readonly DateTimeReader _times;
    private readonly ILogger<FlowEngine> _log;

    public FlowEngine(IEnumerable<Flow> flows, AssistantClock clock, DateTimeReader times, ILogger<FlowEngine> log)
    {
        _flows = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _clock = clock;
        _times = times;
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

    /// <summary>True when the flow the user is answering holds answers they gave (<see cref="FlowFrame.Answered"/>).</summary>
    public bool HoldsAnswers(ConversationData data) => Active(data) is not null && data.Flows[^1].Answered > 0;

    /// <summary>True when <paramref name="flowId"/> asks the user anything (false for a look-up such as 我的积分).</summary>
    public bool AsksSomething(string flowId) => _flows.TryGetValue(flowId, out var flow) && flow.Steps.Any(s => s.Prompt is not null);

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
        var result = await step.Handle(Context(turn, frame, data), input, cancellationToken);
        switch (result.Outcome)
        {
            case StepOutcome.Next:
                frame.Step++;
                frame.Attempts = 0;
                frame.Answered++;
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
        await RunAsync(turn, data, input: null, prompt: true, holdRefusal: false, cancellationToken);
    }

    /// <summary>
    /// Gives the user's answer to the active step. When the step does not take it, nothing is said or counted yet
    /// (<see cref="FlowReplyKind.Refused"/>): the caller decides whether it was another request, a question, or a
    /// miss to answer with <see cref="RefuseAsync"/>. <see cref="FlowReplyKind.Rerouted"/>: the flow has ended and
    /// the caller routes the input afresh.
    /// </summary>
    public Task<FlowReply> AnswerAsync(ITurnContext turn, ConversationData data, string input, CancellationToken cancellationToken) =>
        RunAsync(turn, data, input, prompt: false, holdRefusal: true, cancellationToken);

    /// <summary>Gives a refused answer its reply: the step's message, or after too many misses the question again.</summary>
    public async Task RefuseAsync(ITurnContext turn, ConversationData data, FlowReply refused, CancellationToken cancellationToken)
    {
        if (Active(data) is not { } flow) return;
        var frame = data.Flows[^1];
        if (await MissAsync(turn, data, frame, flow, flow.Steps[frame.Step], refused.Refusal ?? "", cancellationToken))
            await RunAsync(turn, data, input: null, prompt: true, holdRefusal: false, cancellationToken);
    }

    /// <summary>Asks the active step's question again (after 帮助 or 继续).</summary>
    public Task RepromptAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken) =>
        RunAsync(turn, data, input: null, prompt: true, holdRefusal: false, cancellationToken);

    /// <summary>"我们继续刚才的「…」：" and the active step's question (after a question answered in between).</summary>
    public async Task ResumeAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken)
    {
        if (Active(data) is null) return;
        await ResumeNoticeAsync(turn, data, cancellationToken);
        await RepromptAsync(turn, data, cancellationToken);
    }

    /// <summary>
    /// When <paramref name="flowId"/> is running with answers the user gave (on top or interrupted), brings it to the
    /// top and asks its question again instead of starting it afresh, which would throw those answers away. False
    /// when there is no such flow.
    /// </summary>
    public async Task<bool> ResumeHeldAsync(ITurnContext turn, ConversationData data, string flowId, CancellationToken cancellationToken)
    {
        var held = data.Flows.FindLast(f => f.FlowId == flowId && f.Answered > 0);
        if (held is null || !_flows.TryGetValue(flowId, out var flow)) return false;
        data.Flows.Remove(held);
        data.Flows.RemoveAll(f => _flows.TryGetValue(f.FlowId, out var other) && !other.ResumesAfterInterruption);
        data.Flows.Add(held);
        await turn.SendActivityAsync(MessageFactory.Text(FlowTexts.StillRunning(flow.Title)), cancellationToken);
        await RepromptAsync(turn, data, cancellationToken);
        return true;
    }

    /// <summary>
    /// 取消: ends the flow the user is answering. An interrupted flow underneath that holds the user's answers goes on
    /// (its question is asked again); the others are dropped.
    /// </summary>
    public async Task<Cancellation> CancelAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken)
    {
        var title = Active(data)?.Title;
        if (title is null)
        {
            data.Flows.Clear();
            return new Cancellation(null, Resumed: false);
        }
        data.Flows.RemoveAt(data.Flows.Count - 1);
        while (data.Flows.Count > 0 && (data.Flows[^1].Answered == 0 || Active(data) is not { ResumesAfterInterruption: true }))
            data.Flows.RemoveAt(data.Flows.Count - 1);
        if (Active(data) is not { } resumed) return new Cancellation(title, Resumed: false);
        await turn.SendActivityAsync(MessageFactory.Text(FlowTexts.CancelledAndResuming(title, resumed.Title)), cancellationToken);
        await RepromptAsync(turn, data, cancellationToken);
        return new Cancellation(title, Resumed: true);
    }
}
