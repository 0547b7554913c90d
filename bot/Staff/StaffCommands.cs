using ChatAssistant.Audit;
using System.CommandLine;
using ChatAssistant.Hosting;

namespace ChatAssistant.Staff;

/// <summary>Operator commands for staff accounts: add, update, passwd, list, token, unlock, disable, enable.</summary>
public static class StaffCommands
{
    public static Command Create()
    {
        var staff = new Command("staff", "Manage staff accounts of the web console and the staff API.");
        staff.Subcommands.Add(Add());
        staff.Subcommands.Add(Update());
        staff.Subcommands.Add(Passwd());
        staff.Subcommands.Add(List());
        staff.Subcommands.Add(Token());
        staff.Subcommands.Add(Tokens());
        staff.Subcommands.Add(RevokeToken());
        staff.Subcommands.Add(Unlock());
        staff.Subcommands.Add(SetDisabled("disable", "Disable an account: no sign-in, no tokens, open console sessions end.", true));
        staff.Subcommands.Add(SetDisabled("enable", "Enable a disabled account again (it signs in afresh).", false));
        return staff;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "Sign-in name." };
        var role = new Option<string>("--role") { Description = "admin or staff.", Required = true };
        var scope = new Option<string?>("--scope") { Description = "District or workshop a staff member serves (required for staff)." };
        var display = new Option<string?>("--display-name") { Description = "Name shown in the console." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (required; never put it on the command line)." };
        var command = new Command("add", "Create an account, e.g. staff add alice --role admin --password-stdin") { name, role, scope, display, stdin };
        command.SetAction((r, _) => Run(r.GetValue(stdin), (store, password, _) =>
        {
            var account = store.Create(r.GetValue(name)!, password!, r.GetValue(role)!, r.GetValue(scope), r.GetValue(display));
            Console.WriteLine($"Created {account.Role} '{account.UserName}'{(account.Scope is null ? "" : $" for {account.Scope}")}.");
        }, passwordFlagRequired: true));
        return command;
    }

    private static Command Update()
    {
        var name = new Argument<string>("name") { Description = "Sign-in name." };
        var role = new Option<string?>("--role") { Description = "admin or staff." };
        var scope = new Option<string?>("--scope") { Description = "District or workshop a staff member serves." };
        var display = new Option<string?>("--display-name") { Description = "Name shown in the console." };
        var wecom = new Option<string?>("--wecom") { Description = "The member's WeCom user id (UserID) for phone alerts and replies; \"\" unlinks." };
        var alerts = new Option<string?>("--alerts") { Description = "Which new hand-offs reach the phone: urgent (default), all or none." };
        var command = new Command("update", "Change an account's role, scope, display name or WeCom link, e.g. staff update alice --scope 金东区 (a new role or scope signs it out)") { name, role, scope, display, wecom, alerts };
        command.SetAction((r, _) => Run(false, (store, _, services) =>
        {
            if (r.GetValue(wecom) is not null || r.GetValue(alerts) is not null)
                StaffPhone.StaffPhoneCommands.Link(services, r.GetValue(name)!, r.GetValue(wecom), r.GetValue(alerts));
            if (r.GetValue(role) is null && r.GetValue(scope) is null && r.GetValue(display) is null && (r.GetValue(wecom) ?? r.GetValue(alerts)) is not null) return;
            var (account, outcome) = store.Update(r.GetValue(name)!, r.GetValue(role), r.GetValue(scope), r.GetValue(display));
            if (outcome == UpdateOutcome.LastAdmin)
                throw new ArgumentException($"'{account.UserName}' is the last enabled admin; enable or add another admin first.");
            if (outcome != UpdateOutcome.Unchanged)
                services.GetRequiredService<AuditLog>().Record("operator:cli", "staff.updated", StaffUser.Actor(account.UserName));
            Console.WriteLine(outcome switch
            {
                UpdateOutcome.Unchanged => $"Nothing to change for '{account.UserName}'.",
                UpdateOutcome.ChangedSignedOut => $"Updated '{account.UserName}': {account.Role}{(account.Scope is null ? "" : $" for {account.Scope}")}, shown as {account.DisplayName}; its sessions and tokens end, it signs in again.",
                _ => $"Updated '{account.UserName}': shown as {account.DisplayName}.",
            });
        }));
        return command;
    }

    private static Command Passwd()
    {
        var name = new Argument<string>("name");
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input (required)." };
        var command = new Command("passwd", "Set a new password (also unlocks the account).") { name, stdin };
        command.SetAction((r, _) => Run(r.GetValue(stdin), (store, password, _) =>
        {
            store.SetPassword(r.GetValue(name)!, password!);
            Console.WriteLine("Password changed.");
        }, passwordFlagRequired: true));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the accounts.");
        command.SetAction((_, _) => Run(false, (store, _, _) =>
        {
            foreach (var a in store.All())
                Console.WriteLine($"{a.UserName}\t{a.Role}\t{a.Scope ?? "(all)"}\t{(a.Disabled ? "disabled" : a.LockedUntil is null ? "" : "locked")}");
        }));
        return command;
    }

    private static Command Token()
    {
        var name = new Argument<string>("name");
        var label = new Option<string>("--label") { Description = "What the token is for.", DefaultValueFactory = _ => "script" };
        var days = new Option<int>("--days") { Description = "How many days the token works.", DefaultValueFactory = _ => (int)StaffTokens.DefaultLifetime.TotalDays };
        var command = new Command("token", "Issue a bearer token for scripts (printed once; works for a year unless --days says otherwise).") { name, label, days };
        command.SetAction((r, _) => Run(false, (_, _, services) =>
        {
            if (r.GetValue(days) < 1) throw new ArgumentException("--days must be at least 1.");
            Console.WriteLine(services.GetRequiredService<StaffTokens>().Issue(r.GetValue(name)!, r.GetValue(label)!, TimeSpan.FromDays(r.GetValue(days))));
        }));
        return command;
    }

    private static Command Tokens()
    {
        var name = new Argument<string>("name");
        var command = new Command("tokens", "List an account's bearer tokens: id, label, issued and expiry (Beijing time); never the tokens themselves.") { name };
        command.SetAction((r, _) => Run(false, (_, _, services) =>
        {
            var clock = services.GetRequiredService<ChatAssistant.Conversation.Time.AssistantClock>();
            var tokens = services.GetRequiredService<StaffTokens>().Of(r.GetValue(name)!);
            if (tokens.Count == 0) Console.WriteLine("No tokens.");
            foreach (var t in tokens)
                Console.WriteLine($"{t.Id}\t{t.Label}\tissued {clock.ToLocal(t.CreatedAt):yyyy-MM-dd HH:mm}\t{(t.ExpiresAt is { } e ? $"expires {clock.ToLocal(e):yyyy-MM-dd HH:mm}" : "never expires")}");
        }));
        return command;
    }

    private static Command RevokeToken()
    {
        var name = new Argument<string>("name");
        var id = new Argument<string>("id") { Description = "The token's id from 'staff tokens NAME'." };
        var command = new Command("revoke-token", "End one bearer token of an account (a retired script, a leaked token).") { name, id };
        command.SetAction((r, _) => Run(false, (store, _, services) =>
        {
            if (!services.GetRequiredService<StaffTokens>().Revoke(r.GetValue(name)!, r.GetValue(id)!))
                throw new ArgumentException($"'{r.GetValue(name)}' has no token with id '{r.GetValue(id)}'; 'staff tokens {r.GetValue(name)}' lists them.");
            services.GetRequiredService<AuditLog>().Record("operator:cli", "staff.token.revoked", StaffUser.Actor(store.Find(r.GetValue(name)!)!.UserName));
            Console.WriteLine("Token revoked.");
        }));
        return command;
    }

    private static Command Unlock()
    {
        var name = new Argument<string>("name");
        var command = new Command("unlock", "Clear a sign-in lockout.") { name };
        command.SetAction((r, _) => Run(false, (_, _, services) =>
        {
            // A console command with no synchronization context: waiting here blocks nothing else.
            services.GetRequiredService<StaffSignIn>().UnlockAsync(r.GetValue(name)!).GetAwaiter().GetResult();
            Console.WriteLine("Unlocked.");
        }));
        return command;
    }

    private static Command SetDisabled(string verb, string description, bool disabled)
    {
        var name = new Argument<string>("name");
        var command = new Command(verb, description) { name };
        command.SetAction((r, _) => Run(false, (store, _, services) =>
        {
            var (account, outcome) = store.SetDisabled(r.GetValue(name)!, disabled);
            if (outcome == DisableOutcome.LastAdmin)
                throw new ArgumentException($"'{account.UserName}' is the last enabled admin; enable or add another admin first.");
            if (outcome == DisableOutcome.Changed)
                services.GetRequiredService<AuditLog>().Record("operator:cli", disabled ? "staff.disabled" : "staff.enabled", StaffUser.Actor(account.UserName));
            Console.WriteLine((disabled ? "Disabled" : "Enabled") + $" '{account.UserName}'" + (outcome == DisableOutcome.Unchanged ? " (it already was)." : "."));
        }));
        return command;
    }

    private static Task<int> Run(bool needsPassword, Action<StaffStore, string?, IServiceProvider> action, bool passwordFlagRequired = false)
    {
        if (passwordFlagRequired && !needsPassword)
        {
            Console.Error.WriteLine("Add --password-stdin and give the password on standard input; passwords never go on the command line.");
            return Task.FromResult(1);
        }
        return Cli.WithServicesAsync(services =>
        {
            string? password = null;
            if (needsPassword)
            {
                password = Console.In.ReadLine()?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    Console.Error.WriteLine("Give the password on standard input with --password-stdin, e.g. echo \"$PASS\" | ... --password-stdin");
                    return Task.FromResult(1);
                }
            }
            try
            {
                action(services.GetRequiredService<StaffStore>(), password, services);
                return Task.FromResult(0);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(1);
            }
        });
    }
}
