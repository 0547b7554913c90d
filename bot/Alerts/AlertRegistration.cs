using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAssistant.Alerts;

/// <summary>DI of the admin alerts: the store and the console's channel (a WeCom channel adds itself the same way).</summary>
public static class AlertRegistration
{
    public static IServiceCollection AddAdminAlerts(this IServiceCollection services)
    {
        services.TryAddSingleton<AdminAlerts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdminAlertChannel, ConsoleAlertChannel>());
        return services;
    }
}
