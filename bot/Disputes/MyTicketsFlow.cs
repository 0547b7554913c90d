using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using static ChatAssistant.Disputes.DisputeSteps;

namespace ChatAssistant.Disputes;

/// <summary>我的求助: the user's own requests and their status; add information to one, or withdraw it.</summary>
public sealed class MyTicketsFlow(TicketService tickets, AssistantClock clock) : Flow
{
    public const string FlowId = "disputes.mine";
    private const string Add = "补充信息";
    private const string Withdraw = "撤回求助";

    /// <summary>The slots this flow keeps its answers in (each named after the step that asks for it).</summary>
    private static class Slots
    {
        public const string Ticket = "ticket";
        public const string Action = "action";
    }

    public override string Id => FlowId;

    public override string Title => DisputeTexts.MyTicketsTitle;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("any", async (ctx, ct) =>
        {
            ctx.Slots.Remove(FlowSlots.Utterance);
            if (tickets.ForUser(ctx.UserId).Count > 0) return StepResult.Next();
            await ctx.SendAsync(DisputeTexts.NoTickets, ct);
            return StepResult.End();
        }),
        Step.Choose(Slots.Ticket, DisputeTexts.MyTicketsHeading, (ctx, _) => Task.FromResult<IReadOnlyList<Choice>>(
                tickets.ForUser(ctx.UserId)
                    .Select(t => new Choice(t.Id.ToString(CultureInfo.InvariantCulture), DisputeTexts.TicketLine(t.Number, t.Category, DisputeTexts.StatusLabel(t.Status), clock.Format(t.CreatedAt))))
                    .ToList()),
            whenEmpty: DisputeTexts.NoTickets, footer: DisputeTexts.MyTicketsFooter),
        Step.Do("show", async (ctx, ct) =>
        {
            var ticket = Chosen(ctx);
            if (ticket is null) return StepResult.End();
            await ctx.SendAsync(DisputeTexts.TicketDetail(ticket.Number, ticket.Category, DisputeTexts.StatusLabel(ticket.Status), clock.Format(ticket.CreatedAt)), ct);
            // A purged ticket reopened before reopening was refused is finished too: nothing may be added to it.
            if (ticket.IsOpen && ticket.PersonalDataDeletedAt is null) return StepResult.Next();
            await ctx.SendAsync(ticket.IsOpen ? DisputeTexts.AdditionAfterPurge : DisputeTexts.TicketFinished, ct);
            return StepResult.End();
        }),
        ChooseLabel(Slots.Action, "你可以：", [Add, Withdraw]),
        Step.Do("dispatch", (ctx, _) => Task.FromResult(ctx.Slot(Slots.Action) == Add ? StepResult.Next() : StepResult.GoTo("withdraw"))),
        new FlowStep
        {
            Name = "add",
            IsAccount = true,
            Prompt = (ctx, ct) => ctx.SendAsync(DisputeTexts.AskAddition, ct),
            // Saved straight into the ticket (encrypted), never into a slot.
            Handle = async (ctx, input, ct) =>
            {
                var text = (input ?? "").Trim();
                if (text.Length < 2) return StepResult.Retry(DisputeTexts.AdditionTooShort);
                if (text.Length > 500) return StepResult.Retry(DisputeTexts.DescriptionTooLong(text.Length));
                var outcome = tickets.UserAdd(ChosenId(ctx), ctx.UserId, text);
                await ctx.SendAsync(outcome.Kind == TicketOutcomeKind.Ok ? DisputeTexts.AdditionSaved : outcome.Error ?? DisputeTexts.NotOpen, ct);
                return StepResult.End();
            },
        },
        YesNo("withdraw", _ => DisputeTexts.ConfirmWithdraw, DisputeTexts.KeptOpen),
        Step.Do("withdrawn", async (ctx, ct) =>
        {
            var outcome = tickets.Withdraw(ChosenId(ctx), ctx.UserId);
            await ctx.SendAsync(outcome.Kind == TicketOutcomeKind.Ok ? DisputeTexts.Withdrawn : outcome.Error ?? DisputeTexts.NotOpen, ct);
            return StepResult.End();
        }),
    ];

    private static int ChosenId(FlowContext ctx) => int.Parse(ctx.Slot(Slots.Ticket) ?? "0", CultureInfo.InvariantCulture);

    // Only the user's own tickets were offered, but check again: the list was saved in the session.
    private Ticket? Chosen(FlowContext ctx) =>
        tickets.Find(ChosenId(ctx)) is { } t && t.UserId == ctx.UserId ? t : null;
}
