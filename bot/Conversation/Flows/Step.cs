namespace ChatAssistant.Conversation.Flows;

/// <summary>Builders for the common kinds of step, so flows read as a list of questions.</summary>
public static class Step
{
    /// <summary>Asks a question; the validated answer is stored in the slot named like the step.</summary>
    public static FlowStep Ask(string name, Func<FlowContext, string> prompt, Func<FlowContext, string, CancellationToken, Task<Validation>> validate) => new()
    {
        Name = name,
        Prompt = (ctx, ct) => ctx.SendAsync(prompt(ctx), ct),
        Handle = async (ctx, input, ct) =>
        {
            var check = await validate(ctx, input ?? "", ct);
            if (!check.Ok) return StepResult.Retry(check.Error);
            ctx.Slots[name] = check.Value;
            return StepResult.Next();
        },
    };

    /// <summary>Asks for the user's account of what happened (see <see cref="FlowStep.IsAccount"/>).</summary>
    public static FlowStep AskAccount(string name, Func<FlowContext, string> prompt, Func<FlowContext, string, Validation> validate)
    {
        var step = Ask(name, prompt, validate);
        return new FlowStep { Name = step.Name, Prompt = step.Prompt, Handle = step.Handle, IsAccount = true };
    }

    /// <summary>Synchronous-validator form of <see cref="Ask(string, Func{FlowContext, string}, Func{FlowContext, string, CancellationToken, Task{Validation}})"/>.</summary>
    public static FlowStep Ask(string name, Func<FlowContext, string> prompt, Func<FlowContext, string, Validation> validate) =>
        Ask(name, prompt, (ctx, input, _) => Task.FromResult(validate(ctx, input)));

    /// <summary>
    /// Shows a numbered list and stores the chosen option's value. The options are saved with the frame so
    /// that the number the user types means what they saw. Besides the number, the option's words, synonyms, a
    /// number in its range or a date in its time pick it (<see cref="ChoiceMatcher"/>); an answer that fits several
    /// is shown which. <paramref name="otherwise"/> may take an answer that fits none (a time not on the list starts
    /// a new search). When there are no options, <paramref name="whenEmpty"/> says so and the flow ends at once (an
    /// interrupted flow underneath resumes), so the user's next message is routed as a new request, never swallowed.
    /// </summary>
    public static FlowStep Choose(
        string name,
        string heading,
        Func<FlowContext, CancellationToken, Task<IReadOnlyList<Choice>>> options,
        string whenEmpty,
        string footer = "回复序号选择。",
        bool rerouteOtherText = false,
        Func<FlowContext, string, CancellationToken, Task<StepResult?>>? otherwise = null) => new()
    {
        Name = name,
        Prompt = async (ctx, ct) =>
        {
            var list = await options(ctx, ct);
            if (list.Count == 0)
            {
                await ctx.SendAsync(whenEmpty, ct);
                ctx.EndFlow();
                return;
            }
            ctx.Slots[OptionsKey(name)] = string.Join('\u001f', list.Select(o => o.Value));
            await ctx.SendAsync($"{heading}\n{Lines(list)}\n{footer}", ct);
        },
        Handle = async (ctx, input, ct) =>
        {
            var saved = ctx.Slot(OptionsKey(name)) ?? "";
            // No list to answer (a frame saved by an older version after an empty list): the text is a new request.
            if (saved.Length == 0) return StepResult.Reroute();
            var values = saved.Split('\u001f');
            var current = await options(ctx, ct);
            // What the user saw, in its order; an option gone since is still picked by its number.
            var shown = values.Select(v => current.FirstOrDefault(o => o.Value == v)).ToList();
            var match = ChoiceMatcher.Match(input, shown, ctx.Times);
            if (match.Picked is { } picked)
            {
                ctx.Slots[name] = values[picked];
                ctx.Slots.Remove(OptionsKey(name));
                return StepResult.Next();
            }
            var text = Replies.Normalize(input);
            if (rerouteOtherText && Replies.Number(text) is null)
            {
                // "好" or "谢谢" under a list of suggestions: the user is done with it, which is no failed answer.
                if (Replies.IsAcknowledgement(text))
                {
                    await ctx.SendAsync(FlowTexts.ListLeft, ct);
                    return StepResult.End();
                }
                // Free text that is not an option may be a new question (the guide's lists): route it afresh.
                if (text.Length > 1) return StepResult.Reroute();
            }
            if (match.IsAmbiguous)
                return StepResult.Retry(FlowTexts.WhichOne(string.Join('\n', match.Candidates.Select(i => $"{i + 1}. {shown[i]!.Label}"))));
            if (otherwise is not null && await otherwise(ctx, input ?? "", ct) is { } other) return other;
            return StepResult.Retry(FlowTexts.NoSuchOption(values.Length));
        },
    };

    private static string Lines(IReadOnlyList<Choice> list) => string.Join('\n', list.Select((o, i) => $"{i + 1}. {o.Label}"));

    /// <summary>Shows a summary and asks 是/否. Yes goes on; no ends the flow with <paramref name="onNo"/>.</summary>
    public static FlowStep Confirm(string name, Func<FlowContext, string> summary, string onNo = FlowTexts.NotConfirmed) => new()
    {
        Name = name,
        AnswersYesNo = true,
        Prompt = (ctx, ct) => ctx.SendAsync($"{summary(ctx)}\n{FlowTexts.ConfirmFooter}", ct),
        Handle = async (ctx, input, ct) =>
        {
            if (Replies.IsYes(input)) return StepResult.Next();
            if (Replies.IsNo(input))
            {
                await ctx.SendAsync(onNo, ct);
                return StepResult.End();
            }
            return StepResult.Retry(FlowTexts.YesOrNo);
        },
    };

    /// <summary>An action that runs without asking anything.</summary>
    public static FlowStep Do(string name, Func<FlowContext, CancellationToken, Task<StepResult>> action) => new()
    {
        Name = name,
        Handle = (ctx, _, ct) => action(ctx, ct),
    };

    internal static string OptionsKey(string name) => "__options:" + name;
}
