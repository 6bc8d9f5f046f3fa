using InventoryPlatform.Forecasting.Application;
using Microsoft.Extensions.Logging.Abstractions;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class NativeLibraryCheckSpecs
{
    [Test]
    public void A_missing_OpenMP_runtime_is_named_with_the_loader_error_and_the_fix()
    {
        var problem = NativeLibraryCheck.Problem(name =>
            name == NativeLibraryCheck.OpenMp ? "libgomp.so.1: cannot open shared object file" : null
        );

        Assert.That(
            problem,
            Is.EqualTo(
                "Forecasting cannot start: the OpenMP runtime libgomp.so.1, which LightGBM needs, did not load "
                    + "(libgomp.so.1: cannot open shared object file). "
                    + "Publish for linux-x64 or linux-arm64 (the publish ships it beside lib_lightgbm.so), or install libgomp1."
            )
        );
    }

    [Test]
    public void A_missing_LightGBM_library_is_named_with_the_loader_error()
    {
        var problem = NativeLibraryCheck.Problem(name => name == NativeLibraryCheck.LightGbm ? "lib_lightgbm.so: not found" : null);

        Assert.That(
            problem,
            Does.StartWith("Forecasting cannot start: LightGBM's native library lib_lightgbm did not load (lib_lightgbm.so: not found). ")
        );
    }

    [Test]
    public void The_libraries_of_this_build_load_and_the_service_starts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NativeLibraryCheck.Problem(_ => null), Is.Null);
            Assert.That(
                () => new NativeLibraryCheck(NullLogger<NativeLibraryCheck>.Instance).StartAsync(CancellationToken.None),
                Throws.Nothing
            );
        });
    }
}
