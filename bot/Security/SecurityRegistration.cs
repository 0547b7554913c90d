using ChatAssistant.Adapters;
using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Security;

/// <summary>Registers the field cipher shared by the features that keep personal text, and its key.</summary>
public static class SecurityRegistration
{
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services)
    {
        // Bound separately from DisputeOptions so that reading those settings does not validate the key: only the
        // host start and the first encryption do.
        services.AddSettings<FieldKeyOptions, FieldKeyOptionsValidator>(FieldKeyOptions.Section);
        services.AddSingleton(sp => new FieldCipher(() => FieldKeySource.Load(
            sp.GetRequiredService<IOptions<FieldKeyOptions>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FieldKeySource).FullName!))));
        services.AddHostedService<FieldKeyStartup>();
        // Before the features' own hosted services (retention sweeps) and before the server takes requests.
        services.AddHostedService<FieldRebindingMigration>();
        return services;
    }
}
