using System.Text.Json;
using ChatAssistant.Alerts;
using ChatAssistant.Audit;
using ChatAssistant.OnCall;
using ChatAssistant.QuickReplies;
using ChatAssistant.StaffPhone;
using ChatAssistant.Escalation;
using ChatAssistant.Disputes;
using ChatAssistant.Feedback;
using ChatAssistant.Guide;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Hours.Staff;
using ChatAssistant.Booking;
using ChatAssistant.Identity;
using ChatAssistant.Operations;
using ChatAssistant.Safety;
using ChatAssistant.Staff;
using ChatAssistant.StaffConsole;
using ChatAssistant.WebChat;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

/// <summary>Builds the web host: services, middleware and endpoints. Tests build it the same way.</summary>
public static class AppHost
{
    /// <summary>
    /// Builds the application. <paramref name="configure"/> lets tests override settings and services
    /// (e.g. a fake clock) before the host is built.
    /// </summary>
    /// <remarks>
    /// <paramref name="settings"/> adds configuration before the services are registered: what decides the registrations
    /// themselves (the accounts of <c>WeChat:Accounts</c>) must be given there, not in <paramref name="configure"/>.
    /// </remarks>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAssistant(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders(); // first: the rate limit and the cookie's Secure flag need the client's address and scheme
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAssistantEndpoints();
        return app;
    }

    /// <summary>
    /// Runs the options validators now (sub-commands do not start the host, which would run them). Several bad settings
    /// come back as one <see cref="OptionsValidationException"/> naming every one, not an aggregate the start-up
    /// report would not recognise.
    /// </summary>
    public static void ValidateOptions(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            var all = e.InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(all[0].OptionsName, all[0].OptionsType, all.SelectMany(x => x.Failures));
        }
    }

    private static void MapAssistantEndpoints(this WebApplication app)
    {
        app.MapWebChat();
        // /healthz: every check (as before). /healthz/live: the process answers (restart it when not).
        // /healthz/ready: the stores it needs answer — take the instance out of the load balancer when not.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ChatAssistant.Storage.StorageServiceCollectionExtensions.ReadyTag),
            ResponseWriter = WriteHealthAsync,
        });
        app.MapStaffAccounts();
        app.MapEscalations();
        app.MapStaffConsole();
        app.MapDisputeEndpoints();
        app.MapAudit();
        app.MapIdentityEndpoints();
        app.MapAlertEndpoints();
        app.MapCrisisReviews();
        app.MapGuideEndpoints();
        app.MapHoursEndpoints();
        app.MapBookingEndpoints();
        app.MapFeedbackEndpoints();
        app.MapWeChatAccounts();
        app.MapOperations();
        app.MapWeCom();
        app.MapOnCall();
        app.MapQuickReplies();
    }

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
