using System.Runtime.InteropServices;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Stops Forecasting at start, with a message naming the library, when the native model library cannot load:
/// LightGBM's lib_lightgbm and the OpenMP runtime libgomp.so.1 it links against, both in a Linux publish output
/// (the chiselled base image has no libgomp; the project file ships it and the image puts /app on the loader's path).
/// Without the check the first forecast refresh would fail hours later instead.
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
                + "Publish for linux-x64 or linux-arm64 (the publish ships it beside lib_lightgbm.so), or install libgomp1.";
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
