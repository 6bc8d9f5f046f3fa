using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Hosting;

public static class PlatformOptions
{
    /// <summary>
    /// The one way a service binds its settings: <typeparamref name="TOptions"/> from configuration section
    /// <paramref name="section"/>, checked (data annotations and any <see cref="IValidateOptions{TOptions}"/>) when the host
    /// starts, so a bad setting stops the start with its name rather than failing a request later. The bound value is
    /// also injectable as <typeparamref name="TOptions"/> itself.
    /// </summary>
    public static OptionsBuilder<TOptions> AddPlatformOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(
        this IServiceCollection services,
        string section
    )
        where TOptions : class
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
