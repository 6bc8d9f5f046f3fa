using System.Diagnostics;
using System.Globalization;

namespace InventoryPlatform.Benchmarks;

/// <summary>One row of Dominick's orange-juice data: weekly log units of one brand in one store, with the prices of all 11 brands and the
/// store's profit margin on it.</summary>
public sealed record OrangeJuiceWeek(
    int Store,
    int Brand,
    int Week,
    double LogMove,
    double[] Prices,
    bool Deal,
    bool Feature,
    double Profit
);

/// <summary>
/// Fetches Dominick's Finer Foods data sets (orange juice, canned tuna) from Debian's r-cran-bayesm package (installing
/// it and R's core with apt-get, without recommends: about 110 packages on a fresh Debian 12 rather than about 1,035,
/// when missing) and exports it with Rscript to a CSV in .local/bench-data, once; later runs read the CSV.
/// </summary>
public static class OrangeJuiceData
{
    public const int Brands = 11;

    private static readonly string[] Install = ["install", "-y", "--no-install-recommends", "r-cran-bayesm", "r-base-core"];

    public static Task<string> EnsureCsvAsync(CancellationToken cancellationToken) =>
        EnsureCsvAsync("orangeJuice", "orangeJuice$yx", cancellationToken);

    /// <summary>The CSV of bayesm's data set <paramref name="dataset"/> (its table <paramref name="table"/>), exported once.</summary>
    public static async Task<string> EnsureCsvAsync(string dataset, string table, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(RepositoryRoot(), ".local", "bench-data");
        var csv = Path.Combine(directory, dataset + ".csv");
        if (File.Exists(csv))
        {
            return csv;
        }

        Directory.CreateDirectory(directory);
        var export = $"data({dataset}, package = 'bayesm'); write.csv({table}, '{csv}', row.names = FALSE)";
        if (await RunAsync("Rscript", ["-e", export], cancellationToken) != 0)
        {
            Console.WriteLine(
                $"The {dataset} data comes from Debian's r-cran-bayesm package; installing it and r-base-core (without recommends) "
                    + "with apt-get ..."
            );
            if (await RunAsync("apt-get", Install, cancellationToken) != 0)
            {
                await RunAsync("apt-get", ["update"], cancellationToken);
                await RunAsync("apt-get", Install, cancellationToken);
            }

            if (await RunAsync("Rscript", ["-e", export], cancellationToken) != 0)
            {
                throw new InvalidOperationException(
                    $"Could not export {dataset}: install the Debian packages yourself (sudo apt-get install -y --no-install-recommends "
                        + "r-cran-bayesm r-base-core) and run again."
                );
            }
        }

        Console.WriteLine($"Exported {dataset} to {csv}.");
        return csv;
    }

    public static IReadOnlyList<OrangeJuiceWeek> Load(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        int Column(string name) =>
            header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{csv} has no column {name}.");
        var (store, brand, week, logMove, deal, feature) = (
            Column("store"),
            Column("brand"),
            Column("week"),
            Column("logmove"),
            Column("deal"),
            Column("feat")
        );
        var profit = Column("profit");
        var prices = Enumerable.Range(1, Brands).Select(b => Column($"price{b}")).ToArray();
        return lines
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(line =>
            {
                var cells = line.Split(',');
                double Number(int i) => double.Parse(cells[i], CultureInfo.InvariantCulture);
                return new OrangeJuiceWeek(
                    (int)Number(store),
                    (int)Number(brand),
                    (int)Number(week),
                    Number(logMove),
                    prices.Select(Number).ToArray(),
                    Number(deal) != 0,
                    Number(feature) != 0,
                    Number(profit)
                );
            })
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InventoryPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static async Task<int> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // the program is not installed
        }
    }
}
