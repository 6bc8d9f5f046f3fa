using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// A LightGBM model trained and scored through LightGBM's own C API (lib_lightgbm, shipped with Microsoft.ML.LightGbm).
/// ML.NET's LightGBM trainer fixes the regression objective to squared error and copies every example through an
/// IDataView; the C API takes LightGBM's parameters as they are (objective=mape, categorical_feature, bagging) and
/// trains on one flat feature matrix.
/// </summary>
public sealed class LightGbmBooster
{
    private const int Float32 = 0;
    private const int RowMajor = 1;
    private const int NormalPrediction = 0;
    private const string Library = "lib_lightgbm";

    private readonly BoosterHandle _booster;
    private readonly int _featureCount;

    private LightGbmBooster(BoosterHandle booster, int featureCount)
    {
        _booster = booster;
        _featureCount = featureCount;
    }

    /// <summary>
    /// Trains <paramref name="iterations"/> trees on <paramref name="features"/> (row-major, <paramref name="featureCount"/>
    /// per row; NaN is missing) with LightGBM's parameters, e.g. <c>objective=mape num_leaves=63 learning_rate=0.1</c>.
    /// </summary>
    public static LightGbmBooster Train(
        float[] features,
        int featureCount,
        float[] labels,
        float[]? weights,
        IReadOnlyDictionary<string, string> parameters,
        int iterations
    )
    {
        if (features.Length != labels.Length * featureCount || (weights is not null && weights.Length != labels.Length))
        {
            throw new ArgumentException("The feature matrix, labels and weights disagree on the number of examples.");
        }

        var text = Utf8(string.Join(' ', parameters.Select(p => $"{p.Key}={p.Value}")));
        Check(LGBM_DatasetCreateFromMat(features, Float32, labels.Length, featureCount, RowMajor, text, IntPtr.Zero, out var dataset));
        try
        {
            Check(LGBM_DatasetSetField(dataset, Utf8("label"), labels, labels.Length, Float32));
            if (weights is not null)
            {
                Check(LGBM_DatasetSetField(dataset, Utf8("weight"), weights, weights.Length, Float32));
            }

            Check(LGBM_BoosterCreate(dataset, text, out var handle));
            var booster = new BoosterHandle(handle);
            for (var i = 0; i < iterations; i++)
            {
                Check(LGBM_BoosterUpdateOneIter(booster, out var finished));
                if (finished != 0)
                {
                    break; // no split gains anything any more
                }
            }

            return new LightGbmBooster(booster, featureCount);
        }
        finally
        {
            // The booster keeps what it needs of the binned data; the dataset itself is no longer needed.
            _ = LGBM_DatasetFree(dataset);
        }
    }

    /// <summary>The prediction of every row of <paramref name="features"/> (row-major, as in training).</summary>
    public double[] Predict(float[] features, int threads = 1)
    {
        var rows = features.Length / _featureCount;
        var result = new double[rows];
        if (rows == 0)
        {
            return result;
        }

        Check(
            LGBM_BoosterPredictForMat(
                _booster,
                features,
                Float32,
                rows,
                _featureCount,
                RowMajor,
                NormalPrediction,
                0,
                -1,
                Utf8($"num_threads={threads.ToString(CultureInfo.InvariantCulture)}"),
                out var length,
                result
            )
        );
        return length == rows ? result : throw new InvalidOperationException($"LightGBM returned {length} predictions for {rows} rows.");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + '\0');

    private static void Check(int status)
    {
        if (status != 0)
        {
            throw new InvalidOperationException("LightGBM: " + Marshal.PtrToStringUTF8(LGBM_GetLastError()));
        }
    }

    private sealed class BoosterHandle : SafeHandle
    {
        public BoosterHandle(IntPtr handle)
            : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle() => LGBM_BoosterFree(handle) == 0;
    }

    [DllImport(Library)]
    private static extern IntPtr LGBM_GetLastError();

    [DllImport(Library)]
    private static extern int LGBM_DatasetCreateFromMat(
        float[] data,
        int dataType,
        int rows,
        int columns,
        int isRowMajor,
        byte[] parameters,
        IntPtr reference,
        out IntPtr dataset
    );

    [DllImport(Library)]
    private static extern int LGBM_DatasetSetField(IntPtr dataset, byte[] field, float[] data, int count, int dataType);

    [DllImport(Library)]
    private static extern int LGBM_DatasetFree(IntPtr dataset);

    [DllImport(Library)]
    private static extern int LGBM_BoosterCreate(IntPtr dataset, byte[] parameters, out IntPtr booster);

    [DllImport(Library)]
    private static extern int LGBM_BoosterUpdateOneIter(BoosterHandle booster, out int finished);

    [DllImport(Library)]
    private static extern int LGBM_BoosterPredictForMat(
        BoosterHandle booster,
        float[] data,
        int dataType,
        int rows,
        int columns,
        int isRowMajor,
        int predictType,
        int startIteration,
        int iterations,
        byte[] parameters,
        out long length,
        double[] result
    );

    [DllImport(Library)]
    private static extern int LGBM_BoosterFree(IntPtr booster);
}
