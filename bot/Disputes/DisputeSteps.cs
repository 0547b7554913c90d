using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Disputes;

/// <summary>Step shapes the help-request flows need beyond <see cref="Step"/>.</summary>
internal static class DisputeSteps
{
    /// <summary>A yes/no question with its own wording: yes goes on (after <paramref name="onYes"/>), no says <paramref name="onNo"/> and ends.</summary>
    public static FlowStep YesNo(string name, Func<FlowContext, string> prompt, string onNo, Action<FlowContext>? onYes = null) => new()
    {
        Name = name,
        AnswersYesNo = true,
        Prompt = (ctx, ct) => ctx.SendAsync(prompt(ctx), ct),
        Handle = async (ctx, input, ct) =>
        {
            if (Replies.IsYes(input))
            {
                onYes?.Invoke(ctx);
                return StepResult.Next();
            }
            if (Replies.IsNo(input))
            {
                await ctx.SendAsync(onNo, ct);
                return StepResult.End();
            }
            return StepResult.Retry(FlowTexts.YesOrNo);
        },
    };

    /// <summary>A numbered list of fixed labels (value = label).</summary>
    public static FlowStep ChooseLabel(string name, string heading, IReadOnlyList<string> labels) =>
        ChooseLabel(name, heading, labels.Select(l => new Choice(l, l)).ToList());

    /// <summary>A numbered list of fixed options, picked by number, words or synonyms (<see cref="ChoiceMatcher"/>).</summary>
    public static FlowStep ChooseLabel(string name, string heading, IReadOnlyList<Choice> options) =>
        Step.Choose(name, heading, (_, _) => Task.FromResult(options), whenEmpty: heading);

    /// <summary>A Chinese mainland mobile number in its 11-digit form, or null. Accepts spaces, dashes, full-width digits and +86.</summary>
    public static string? NormalizeMobile(string input) => Phones.MobileNumber.Normalize(input);
}
