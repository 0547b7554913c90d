using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions o)
    {
        var errors = new List<string>();
        if (o.AcknowledgeWithin <= TimeSpan.Zero) errors.Add("Setting 'Escalation:AcknowledgeWithin' must be a positive time span such as '1.00:00:00'.");
        if (o.UrgentAcknowledgeWithin <= TimeSpan.Zero || o.UrgentAcknowledgeWithin > o.AcknowledgeWithin)
            errors.Add("Setting 'Escalation:UrgentAcknowledgeWithin' must be a positive time span no longer than 'Escalation:AcknowledgeWithin', such as '00:15:00'.");
        for (var i = 0; i < o.OnCall.Count; i++)
            if (o.OnCall[i].Problem() is { } problem)
                errors.Add($"Setting 'Escalation:OnCall:{i}' is not a usable rota line (County, Staff, Days like '1-5', From and To like '18:00'): {problem}");
        if (o.ReplyWithin <= TimeSpan.Zero) errors.Add("Setting 'Escalation:ReplyWithin' must be a positive time span such as '7.00:00:00'.");
        if (o.TypicalWait <= TimeSpan.Zero) errors.Add("Setting 'Escalation:TypicalWait' must be a positive time span such as '00:30:00'.");
        var opens = TimeOnly.TryParseExact(o.OfficeOpens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open);
        var closes = TimeOnly.TryParseExact(o.OfficeCloses, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close);
        if (!opens) errors.Add($"Setting 'Escalation:OfficeOpens' must be a time like '09:00', not '{o.OfficeOpens}'.");
        if (!closes) errors.Add($"Setting 'Escalation:OfficeCloses' must be a time like '17:30', not '{o.OfficeCloses}'.");
        if (opens && closes && open >= close) errors.Add("Setting 'Escalation:OfficeOpens' must be earlier than 'Escalation:OfficeCloses'.");
        if (o.RetentionDays < 1) errors.Add("Setting 'Escalation:RetentionDays' must be at least 1.");
        if (o.DefaultScope is { } scope && string.IsNullOrWhiteSpace(scope)) errors.Add("Setting 'Escalation:DefaultScope' is blank; remove it or name a staff scope.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
