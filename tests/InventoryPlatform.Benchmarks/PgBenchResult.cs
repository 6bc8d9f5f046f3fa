namespace InventoryPlatform.Benchmarks;

/// <summary>What pgbench printed for the order-shaped anchor: transactions per second and mean latency.</summary>
public sealed record PgBenchResult(double Tps, double LatencyMs);
