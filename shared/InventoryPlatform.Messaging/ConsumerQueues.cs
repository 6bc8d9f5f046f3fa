using System.Reflection;
using MassTransit;

namespace InventoryPlatform.Messaging;

/// <summary>
/// The queues a service consumes from, derived from the consumers in its assembly the same way the bus names them
/// ("{service}-{consumer}" in kebab case, <c>UnitsReceivedConsumer</c> of Allocation → <c>allocation-units-received</c>).
/// </summary>
public static class ConsumerQueues
{
    public static IEndpointNameFormatter Formatter(string serviceName) =>
        new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);

    /// <summary>The consumer types the bus registers for <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<Type> ConsumerTypes(Assembly assembly) =>
        [
            .. assembly
                .GetTypes()
                .Where(t =>
                    t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(t)
                )
                .OrderBy(t => t.Name, StringComparer.Ordinal),
        ];

    /// <summary>The queue of each consumer of the service.</summary>
    public static IReadOnlyList<string> Of(string serviceName, Assembly assembly)
    {
        var formatter = Formatter(serviceName);
        var consumer = typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!;
        return [.. ConsumerTypes(assembly).Select(t => (string)consumer.MakeGenericMethod(t).Invoke(formatter, null)!)];
    }

    /// <summary>The queue of one consumer.</summary>
    public static string Of<TConsumer>(string serviceName)
        where TConsumer : class, IConsumer => Formatter(serviceName).Consumer<TConsumer>();
}
