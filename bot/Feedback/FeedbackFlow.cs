using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Feedback;

/// <summary>意见建议: topic → content → confirm → stored with a number staff can quote.</summary>
public sealed class FeedbackFlow(IFeedbackStore store) : Flow
{
    public const string FlowId = "feedback";

    /// <summary>The slots this flow keeps its answers in (each named after the step that asks for it).</summary>
    private static class Slots
    {
        public const string Topic = "topic";
        public const string Content = "content";
    }

    public override string Id => FlowId;

    public override string Title => "意见建议";

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Choose(Slots.Topic, FeedbackTexts.AskTopic,
            (_, _) => Task.FromResult<IReadOnlyList<Choice>>(FeedbackTexts.Topics.Select(t => new Choice(t, t)).ToList()),
            whenEmpty: FeedbackTexts.AskTopic),
        Step.AskAccount(Slots.Content, _ => FeedbackTexts.AskContent, (_, input) =>
        {
            var text = input.Trim();
            if (text.Length < 5) return Validation.Reject(FeedbackTexts.TooShort);
            if (text.Length > 500) return Validation.Reject(FeedbackTexts.TooLong(text.Length));
            return Validation.Accept(text);
        }),
        Step.Confirm("confirm", ctx => FeedbackTexts.Summary(ctx.Slot(Slots.Topic)!, ctx.Slot(Slots.Content)!)),
        Step.Do("save", async (ctx, ct) =>
        {
            var record = new FeedbackRecord
            {
                ChannelId = ctx.Turn.Activity.ChannelId ?? "",
                UserId = ctx.UserId,
                Topic = ctx.Slot(Slots.Topic)!,
                Content = ctx.Slot(Slots.Content)!,
                At = ctx.Now,
            };
            store.Add(record);
            await ctx.SendAsync(FeedbackTexts.Saved(record.Id), ct);
            return StepResult.End();
        }),
    ];
}
