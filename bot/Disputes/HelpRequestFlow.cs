using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Security;
using static ChatAssistant.Disputes.DisputeSteps;

namespace ChatAssistant.Disputes;

/// <summary>
/// 求助·亲青老娘舅: what the service is → notice and separate consent → age band (under 14: guardian's
/// consent) → county → category → description → contact → anonymous or named → confirm → ticket number.
/// Free-text answers are encrypted before they are put in a slot, because slots live in the session store; they are
/// bound to the user filing (<see cref="TicketFields.Draft"/>) and encrypted again for the ticket when it is filed.
/// </summary>
public sealed class HelpRequestFlow(TicketService tickets, FieldCipher cipher) : Flow
{
    public const string FlowId = "disputes.request";

    public override string Id => FlowId;

    public override string Title => DisputeTexts.FlowTitle;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("intro", async (ctx, ct) =>
        {
            // The message that started the flow may itself describe the problem: it must not stay in the session.
            ctx.Slots.Remove("utterance");
            await ctx.SendAsync(DisputeTexts.Intro, ct);
            return StepResult.Next();
        }),
        YesNo("consent", _ => DisputeTexts.NoticeFor(tickets.Options.RetentionDays), DisputeTexts.ConsentRefused,
            ctx => ctx.Slots["consentedAt"] = tickets.Now.ToString("O", CultureInfo.InvariantCulture)),
        ChooseLabel("age", DisputeTexts.AskAge, DisputeChoices.AgeBands),
        Step.Do("ageCheck", (ctx, _) => Task.FromResult(ctx.Slot("age") == DisputeTexts.AgeUnder14 ? StepResult.Next() : StepResult.GoTo("county"))),
        YesNo("guardian", _ => DisputeTexts.AskGuardian, DisputeTexts.GuardianRefused, ctx => ctx.Slots["guardian"] = "yes"),
        ChooseLabel("county", DisputeTexts.AskCounty, DisputeChoices.Counties(tickets.Options.CountyList)),
        ChooseLabel("category", DisputeTexts.AskCategory, DisputeChoices.Categories),
        Step.AskAccount("description", _ => DisputeTexts.AskDescription, (ctx, input) =>
        {
            var text = input.Trim();
            if (text.Length < 10) return Validation.Reject(DisputeTexts.DescriptionTooShort);
            if (text.Length > 500) return Validation.Reject(DisputeTexts.DescriptionTooLong(text.Length));
            return Validation.Accept(cipher.Protect(text, Draft(ctx, TicketFields.Description)));
        }),
        ChooseLabel("contact", DisputeTexts.AskContactMethod, DisputeChoices.ContactMethods),
        Step.Do("contactCheck", (ctx, _) => Task.FromResult(ctx.Slot("contact") == DisputeTexts.ContactPhone ? StepResult.Next() : StepResult.GoTo("identity"))),
        Step.Ask("phone", _ => DisputeTexts.AskPhone, (ctx, input) =>
            NormalizeMobile(input) is { } mobile ? Validation.Accept(cipher.Protect(mobile, Draft(ctx, TicketFields.Phone))) : Validation.Reject(DisputeTexts.BadPhone)),
        ChooseLabel("identity", DisputeTexts.AskIdentity, DisputeChoices.Identities),
        Step.Do("identityCheck", (ctx, _) => Task.FromResult(ctx.Slot("identity") == DisputeTexts.Named ? StepResult.Next() : StepResult.GoTo("confirm"))),
        Step.Ask("name", _ => DisputeTexts.AskName, (ctx, input) =>
        {
            var name = input.Trim();
            return name.Length is >= 1 and <= 20 ? Validation.Accept(cipher.Protect(name, Draft(ctx, TicketFields.Name))) : Validation.Reject(DisputeTexts.BadName);
        }),
        Step.Confirm("confirm", Summary, onNo: DisputeTexts.Abandoned),
        Step.Do("save", async (ctx, ct) =>
        {
            var phone = ctx.Slot("contact") == DisputeTexts.ContactPhone ? Reveal(ctx, "phone", TicketFields.Phone) : null;
            var ticket = tickets.Create(new NewTicket(
                ctx.UserId,
                ctx.Turn.Activity.ChannelId ?? "",
                ctx.Slot("age")!,
                ctx.Slot("guardian") == "yes",
                ctx.Slot("county")!,
                ctx.Slot("category")!,
                Anonymous: ctx.Slot("identity") != DisputeTexts.Named,
                phone is null ? ContactMethod.WeChat : ContactMethod.Phone,
                Reveal(ctx, "description", TicketFields.Description),
                phone,
                ctx.Slot("identity") == DisputeTexts.Named ? Reveal(ctx, "name", TicketFields.Name) : null,
                DateTimeOffset.Parse(ctx.Slot("consentedAt")!, CultureInfo.InvariantCulture)));
            var options = tickets.Options;
            await ctx.SendAsync(DisputeTexts.Filed(ticket.Number, (int)options.AcknowledgeWithin.TotalHours, (int)options.ResolveWithin.TotalDays), ct);
            return StepResult.End();
        }),
    ];

    // Shown to the user only, in their own turn; decrypted values are never put back in a slot.
    private string Summary(FlowContext ctx)
    {
        var description = Reveal(ctx, "description", TicketFields.Description);
        var contact = ctx.Slot("contact") == DisputeTexts.ContactPhone
            ? DisputeTexts.MaskPhone(Reveal(ctx, "phone", TicketFields.Phone))
            : DisputeTexts.ContactWeChat;
        var identity = ctx.Slot("identity") == DisputeTexts.Named ? Reveal(ctx, "name", TicketFields.Name) : DisputeTexts.Anonymous;
        return DisputeTexts.Summary(ctx.Slot("category")!, ctx.Slot("county")!, ctx.Slot("age")!, description, contact, identity);
    }

    private static FieldBinding Draft(FlowContext ctx, string field) => TicketFields.Draft(field, ctx.Turn.Activity.ChannelId ?? "", ctx.UserId);

    // A draft that does not decrypt for this user (another user's, tampered with) fails the turn: the pipeline
    // apologises and clears the flow, and nothing is filed.
    private string Reveal(FlowContext ctx, string slot, string field) => cipher.Unprotect(ctx.Slot(slot)!, Draft(ctx, field));
}
