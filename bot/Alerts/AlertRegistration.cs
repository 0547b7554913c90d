using ChatAssistant.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAssistant.Alerts;

/// <summary>DI of the admin alerts: the store and the console's channel (a WeCom channel adds itself the same way).</summary>
public static class AlertRegistration
{
    public static IServiceCollection AddAdminAlerts(this IServiceCollection services)
    {
        // Called by every feature that raises alerts: the store and its copy are registered once.
        if (!services.Any(d => d.ServiceType == typeof(IAdminAlertStore)))
        {
            services.AddRecordStore<IAdminAlertStore, LiteDb.LiteAdminAlertStore, Postgres.PostgresAdminAlertStore>();
            services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresAdminAlertStore.Copy());
        }
        services.TryAddSingleton<AdminAlerts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdminAlertChannel, ConsoleAlertChannel>());
        return services;
    }
}
