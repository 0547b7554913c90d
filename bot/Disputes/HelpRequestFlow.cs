using System.Globalization;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Security;
using static ChatAssistant.Disputes.DisputeSteps;

namespace ChatAssistant.Disputes;

/// <summary>
/// 求助·亲青老娘舅: what the service is (after a short acknowledgement when the message named a need: bullying, a
/// dispute…) → notice and separate consent → age band (under 14: guardian's consent), or the child's age band when a
/// parent files for their child (said in the message or picked as the age question's last option; every question is
/// then worded for the parent) → county → category → description → contact → anonymous or named → confirm → number.
/// Free-text answers are encrypted before they are put in a slot, because slots live in the session store; they are
/// bound to the user filing (<see cref="TicketFields.Draft"/>) and encrypted again for the ticket when it is filed.
/// </summary>
public sealed class HelpRequestFlow(TicketService tickets, FieldCipher cipher, CountyDirectory areas) : Flow
{
    public const string FlowId = "disputes.request";
    private const string FilerSlot = "filer";

    public override string Id => FlowId;

    public override string Title => DisputeTexts.FlowTitle;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("intro", async (ctx, ct) =>
        {
            // The message that started the flow may itself describe the problem: read what it needs, then drop it.
            var utterance = ctx.Slot("utterance");
            ctx.Slots.Remove("utterance");
            if (HelpNeeds.IsParent(utterance)) ctx.Slots[FilerSlot] = nameof(Filer.Parent);
            var filer = FilerOf(ctx);
            // Distress the crisis check noticed (no danger: that never gets here) also hears the hotline straight away.
            if (HelpNeedTexts.Acknowledge(HelpNeeds.Read(utterance), filer) is { } ack)
                await ctx.SendAsync(ctx.Conversation.GentleCheckThisTurn is null ? ack : ack + "\n" + HelpNeedTexts.Hotline, ct);
            await ctx.SendAsync(filer == Filer.Parent ? HelpNeedTexts.IntroParent : DisputeTexts.Intro, ct);
            return StepResult.Next();
        }),
        YesNo("consent", ctx => FilerOf(ctx) == Filer.Parent
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, HelpNeedTexts.NoticeParent, tickets.Options.RetentionDays)
                : DisputeTexts.NoticeFor(tickets.Options.RetentionDays),
            DisputeTexts.ConsentRefused,
            ctx => ctx.Slots["consentedAt"] = tickets.Now.ToString("O", CultureInfo.InvariantCulture)),
        Step.Do("who", (ctx, _) => Task.FromResult(FilerOf(ctx) == Filer.Parent ? StepResult.GoTo("childAge") : StepResult.Next())),
        // A parent who did not say so yet picks the last option and is asked about the child.
        ChooseLabel("age", DisputeTexts.AskAge, DisputeChoices.AgeBandsOrParent),
        Step.Do("ageFor", (ctx, _) =>
        {
            if (ctx.Slot("age") != HelpNeedTexts.ParentOption) return Task.FromResult(StepResult.GoTo("ageCheck"));
            ctx.Slots.Remove("age");
            ctx.Slots[FilerSlot] = nameof(Filer.Parent);
            return Task.FromResult(StepResult.Next());
        }),
        ChooseLabel("childAge", HelpNeedTexts.AskChildAge, DisputeChoices.ChildAgeBands),
        Step.Do("ageCheck", (ctx, _) =>
        {
            if (ctx.Slot("childAge") is { } child) ctx.Slots["age"] = child;
            if (ctx.Slot("age") != DisputeTexts.AgeUnder14) return Task.FromResult(StepResult.GoTo("county"));
            // A parent filing for their child is the guardian who consents; a child under 14 is asked about theirs.
            if (FilerOf(ctx) == Filer.Parent)
            {
                ctx.Slots["guardian"] = "yes";
                return Task.FromResult(StepResult.GoTo("county"));
            }
            return Task.FromResult(StepResult.Next());
        }),
        YesNo("guardian", _ => DisputeTexts.AskGuardian, DisputeTexts.GuardianRefused, ctx => ctx.Slots["guardian"] = "yes"),
        CountyStep.Ask(areas, ctx => FilerOf(ctx) == Filer.Parent ? HelpNeedTexts.AskCountyParent : DisputeTexts.AskCounty),
        ChooseLabel("category", DisputeTexts.AskCategory, DisputeChoices.Categories),
        Step.AskAccount("description", ctx => FilerOf(ctx) == Filer.Parent ? HelpNeedTexts.AskDescriptionParent : DisputeTexts.AskDescription, (ctx, input) =>
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
                CountyStep.Of(ctx),
                ctx.Slot("category")!,
                Anonymous: ctx.Slot("identity") != DisputeTexts.Named,
                phone is null ? ContactMethod.WeChat : ContactMethod.Phone,
                Reveal(ctx, "description", TicketFields.Description),
                phone,
                ctx.Slot("identity") == DisputeTexts.Named ? Reveal(ctx, "name", TicketFields.Name) : null,
                DateTimeOffset.Parse(ctx.Slot("consentedAt")!, CultureInfo.InvariantCulture),
                FilerOf(ctx)));
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
        return DisputeTexts.Summary(FilerOf(ctx), ctx.Slot("category")!, CountyStep.Of(ctx), ctx.Slot("age")!, description, contact, identity);
    }

    private static Filer FilerOf(FlowContext ctx) => ctx.Slot(FilerSlot) == nameof(Filer.Parent) ? Filer.Parent : Filer.Self;

    private static FieldBinding Draft(FlowContext ctx, string field) => TicketFields.Draft(field, ctx.Turn.Activity.ChannelId ?? "", ctx.UserId);

    // A draft that does not decrypt for this user (another user's, tampered with) fails the turn: the pipeline
    // apologises and clears the flow, and nothing is filed.
    private string Reveal(FlowContext ctx, string slot, string field) => cipher.Unprotect(ctx.Slot(slot)!, Draft(ctx, field));
}
