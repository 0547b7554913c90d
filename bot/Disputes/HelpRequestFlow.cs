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
public sealed class HelpRequestFlow(TicketService tickets, FieldCipher cipher, AccountAreas areas) : Flow
{
    public const string FlowId = "disputes.request";

    /// <summary>The slots this flow keeps its answers in (each named after the step that asks for it).</summary>
    private static class Slots
    {
        public const string ConsentedAt = "consentedAt";
        public const string Age = "age";
        public const string ChildAge = "childAge";
        public const string Guardian = "guardian";
        public const string Category = "category";
        public const string Description = "description";
        public const string Contact = "contact";
        public const string Phone = "phone";
        public const string Identity = "identity";
        public const string Name = "name";
        public const string Filer = "filer";
    }

    public override string Id => FlowId;

    public override string Title => DisputeTexts.FlowTitle;

    protected override IReadOnlyList<FlowStep> BuildSteps() =>
    [
        Step.Do("intro", async (ctx, ct) =>
        {
            // The message that started the flow may itself describe the problem: read what it needs, then drop it.
            var utterance = ctx.Slot(FlowSlots.Utterance);
            ctx.Slots.Remove(FlowSlots.Utterance);
            if (HelpNeeds.IsParent(utterance)) ctx.Slots[Slots.Filer] = nameof(Filer.Parent);
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
            ctx => ctx.Slots[Slots.ConsentedAt] = tickets.Now.ToString("O", CultureInfo.InvariantCulture)),
        Step.Do("who", (ctx, _) => Task.FromResult(FilerOf(ctx) == Filer.Parent ? StepResult.GoTo(Slots.ChildAge) : StepResult.Next())),
        // A parent who did not say so yet picks the last option and is asked about the child.
        ChooseLabel(Slots.Age, DisputeTexts.AskAge, DisputeChoices.AgeBandsOrParent),
        Step.Do("ageFor", (ctx, _) =>
        {
            if (ctx.Slot(Slots.Age) != HelpNeedTexts.ParentOption) return Task.FromResult(StepResult.GoTo("ageCheck"));
            ctx.Slots.Remove(Slots.Age);
            ctx.Slots[Slots.Filer] = nameof(Filer.Parent);
            return Task.FromResult(StepResult.Next());
        }),
        ChooseLabel(Slots.ChildAge, HelpNeedTexts.AskChildAge, DisputeChoices.ChildAgeBands),
        Step.Do("ageCheck", (ctx, _) =>
        {
            if (ctx.Slot(Slots.ChildAge) is { } child) ctx.Slots[Slots.Age] = child;
            if (ctx.Slot(Slots.Age) != DisputeTexts.AgeUnder14) return Task.FromResult(StepResult.GoTo(CountyStep.Slot));
            // A parent filing for their child is the guardian who consents; a child under 14 is asked about theirs.
            if (FilerOf(ctx) == Filer.Parent)
            {
                ctx.Slots[Slots.Guardian] = "yes";
                return Task.FromResult(StepResult.GoTo(CountyStep.Slot));
            }
            return Task.FromResult(StepResult.Next());
        }),
        YesNo(Slots.Guardian, _ => DisputeTexts.AskGuardian, DisputeTexts.GuardianRefused, ctx => ctx.Slots[Slots.Guardian] = "yes"),
        CountyStep.Ask(areas, ctx => FilerOf(ctx) == Filer.Parent ? HelpNeedTexts.AskCountyParent : DisputeTexts.AskCounty),
        ChooseLabel(Slots.Category, DisputeTexts.AskCategory, DisputeChoices.Categories),
        Step.AskAccount(Slots.Description, ctx => FilerOf(ctx) == Filer.Parent ? HelpNeedTexts.AskDescriptionParent : DisputeTexts.AskDescription, (ctx, input) =>
        {
            var text = input.Trim();
            if (text.Length < 10) return Validation.Reject(DisputeTexts.DescriptionTooShort);
            if (text.Length > 500) return Validation.Reject(DisputeTexts.DescriptionTooLong(text.Length));
            return Validation.Accept(cipher.Protect(text, Draft(ctx, TicketFields.Description)));
        }),
        ChooseLabel(Slots.Contact, DisputeTexts.AskContactMethod, DisputeChoices.ContactMethods),
        Step.Do("contactCheck", (ctx, _) => Task.FromResult(ctx.Slot(Slots.Contact) == DisputeTexts.ContactPhone ? StepResult.Next() : StepResult.GoTo(Slots.Identity))),
        Step.Ask(Slots.Phone, _ => DisputeTexts.AskPhone, (ctx, input) =>
            NormalizeMobile(input) is { } mobile ? Validation.Accept(cipher.Protect(mobile, Draft(ctx, TicketFields.Phone))) : Validation.Reject(DisputeTexts.BadPhone)),
        ChooseLabel(Slots.Identity, DisputeTexts.AskIdentity, DisputeChoices.Identities),
        Step.Do("identityCheck", (ctx, _) => Task.FromResult(ctx.Slot(Slots.Identity) == DisputeTexts.Named ? StepResult.Next() : StepResult.GoTo("confirm"))),
        Step.Ask(Slots.Name, _ => DisputeTexts.AskName, (ctx, input) =>
        {
            var name = input.Trim();
            return name.Length is >= 1 and <= 20 ? Validation.Accept(cipher.Protect(name, Draft(ctx, TicketFields.Name))) : Validation.Reject(DisputeTexts.BadName);
        }),
        Step.Confirm("confirm", Summary, onNo: DisputeTexts.Abandoned),
        Step.Do("save", async (ctx, ct) =>
        {
            var phone = ctx.Slot(Slots.Contact) == DisputeTexts.ContactPhone ? Reveal(ctx, Slots.Phone, TicketFields.Phone) : null;
            var ticket = tickets.Create(new NewTicket(
                ctx.UserId,
                ctx.Turn.Activity.ChannelId ?? "",
                ctx.Slot(Slots.Age)!,
                ctx.Slot(Slots.Guardian) == "yes",
                CountyStep.Of(ctx),
                ctx.Slot(Slots.Category)!,
                Anonymous: ctx.Slot(Slots.Identity) != DisputeTexts.Named,
                phone is null ? ContactMethod.WeChat : ContactMethod.Phone,
                Reveal(ctx, Slots.Description, TicketFields.Description),
                phone,
                ctx.Slot(Slots.Identity) == DisputeTexts.Named ? Reveal(ctx, Slots.Name, TicketFields.Name) : null,
                DateTimeOffset.Parse(ctx.Slot(Slots.ConsentedAt)!, CultureInfo.InvariantCulture),
                FilerOf(ctx)));
            var options = tickets.Options;
            await ctx.SendAsync(DisputeTexts.Filed(ticket.Number, (int)options.AcknowledgeWithin.TotalHours, (int)options.ResolveWithin.TotalDays), ct);
            return StepResult.End();
        }),
    ];

    // Shown to the user only, in their own turn; decrypted values are never put back in a slot.
    private string Summary(FlowContext ctx)
    {
        var description = Reveal(ctx, Slots.Description, TicketFields.Description);
        var contact = ctx.Slot(Slots.Contact) == DisputeTexts.ContactPhone
            ? DisputeTexts.MaskPhone(Reveal(ctx, Slots.Phone, TicketFields.Phone))
            : DisputeTexts.ContactWeChat;
        var identity = ctx.Slot(Slots.Identity) == DisputeTexts.Named ? Reveal(ctx, Slots.Name, TicketFields.Name) : DisputeTexts.Anonymous;
        return DisputeTexts.Summary(FilerOf(ctx), ctx.Slot(Slots.Category)!, CountyStep.Of(ctx), ctx.Slot(Slots.Age)!, description, contact, identity);
    }

    private static Filer FilerOf(FlowContext ctx) => ctx.Slot(Slots.Filer) == nameof(Filer.Parent) ? Filer.Parent : Filer.Self;

    private static FieldBinding Draft(FlowContext ctx, string field) => TicketFields.Draft(field, ctx.Turn.Activity.ChannelId ?? "", ctx.UserId);

    // A draft that does not decrypt for this user (another user's, tampered with) fails the turn: the pipeline
    // apologises and clears the flow, and nothing is filed.
    private string Reveal(FlowContext ctx, string slot, string field) => cipher.Unprotect(ctx.Slot(slot)!, Draft(ctx, field));
}
