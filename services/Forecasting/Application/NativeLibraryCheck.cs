using System.Runtime.InteropServices;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Stops Forecasting at start, with a message naming the library, when the native model library cannot load:
/// LightGBM's lib_lightgbm (published with the service) and the OpenMP runtime libgomp.so.1 it links against, which
/// must come from the base image. Without the check the first forecast refresh would fail hours later instead.
/// </summary>
public sealed class NativeLibraryCheck(ILogger<NativeLibraryCheck> logger) : IHostedService
{
    public const string OpenMp = "libgomp.so.1";
    public const string LightGbm = "lib_lightgbm";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Problem(Load) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        logger.LogInformation("Native model libraries loaded: {OpenMp}, {LightGbm}", OpenMp, LightGbm);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The first library that fails to load, as a message for the operator, or null when all load.</summary>
    /// <param name="load">Loads a library by name; null on success, else the loader's error.</param>
    public static string? Problem(Func<string, string?> load)
    {
        if (OperatingSystem.IsLinux() && load(OpenMp) is { } openMpError)
        {
            return $"Forecasting cannot start: the OpenMP runtime {OpenMp}, which LightGBM needs, did not load ({openMpError}). "
                + "Use a base image that has it (Debian/Ubuntu package libgomp1); the chiselled .NET images do not.";
        }

        if (load(LightGbm) is { } lightGbmError)
        {
            return $"Forecasting cannot start: LightGBM's native library {LightGbm} did not load ({lightGbmError}). "
                + "It ships in the publish output (runtimes/<rid>/native or beside the assembly); publish for a supported runtime.";
        }

        return null;
    }

    private static string? Load(string library)
    {
        try
        {
            NativeLibrary.Load(library, typeof(LightGbmBooster).Assembly, null);
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            return ex.Message;
        }
    }
}
