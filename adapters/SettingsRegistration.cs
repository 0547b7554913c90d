using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters;

/// <summary>
/// The one way settings are registered: options of type <typeparamref name="TOptions"/> bound from their configuration
/// section, checked by <typeparamref name="TValidator"/> (whose failures name the bad setting, e.g. <c>Setting
/// 'Hours:PointsPerHour' must be …</c>) when the host starts — and by <c>ValidateOptions</c> before a sub-command runs.
/// </summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> ("" for top-level settings such as
    /// <c>TimeZone</c>) of the application's <see cref="IConfiguration"/>, or of <paramref name="configuration"/> when
    /// the registration is given its own (a container an operator command builds without the host), validated at
    /// start. Registering the same options twice adds the validator once.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions, TValidator>(this IServiceCollection services, string section, IConfiguration? configuration = null)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        var options = services.AddOptions<TOptions>();
        return (configuration is null ? options.BindConfiguration(section) : options.Bind(configuration.GetSection(section))).ValidateOnStart();
    }
}
