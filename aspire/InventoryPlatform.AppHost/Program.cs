using InventoryPlatform.AppHost;

// The whole platform on one page: the database and the broker, the six services, the gateway in front.
var builder = DistributedApplication.CreateBuilder(args);

var (database, messaging) = builder.AddPlatformInfrastructure();
var identitySigningKey = builder.IdentitySigningKey();

IResourceBuilder<ProjectResource> Service<TProject>(string name)
    where TProject : IProjectMetadata, new() =>
    builder
        .AddProject<TProject>(name)
        .WithReference(database)
        .WaitFor(database)
        .WithReference(messaging)
        .WaitFor(messaging)
        .WithPlatformDatabaseProvider(builder)
        .WithPlatformTelemetry(builder)
        .WithPlatformClock(builder)
        .WithEnvironment("Identity__SigningKey", identitySigningKey)
        .WithHttpHealthCheck("/health");

var receiving = Service<Projects.InventoryPlatform_Receiving>("receiving");
var allocation = Service<Projects.InventoryPlatform_Allocation>("allocation");
var forecasting = Service<Projects.InventoryPlatform_Forecasting>("forecasting");
var returns = Service<Projects.InventoryPlatform_Returns>("returns");
var liquidation = Service<Projects.InventoryPlatform_Liquidation>("liquidation");
var limits = Service<Projects.InventoryPlatform_Limits>("limits");

// Allocation's reconciliation reads the unit counts of the services that keep a projection of the ledger.
allocation.WithReference(liquidation).WithReference(limits).WithReference(forecasting);

builder
    .AddProject<Projects.InventoryPlatform_Gateway>("gateway")
    .WithReference(database)
    .WaitFor(database)
    .WithPlatformDatabaseProvider(builder)
    .WithPlatformTelemetry(builder)
    .WithEnvironment("Identity__SigningKey", identitySigningKey)
    .WithReference(receiving)
    .WaitFor(receiving)
    .WithReference(allocation)
    .WaitFor(allocation)
    .WithReference(forecasting)
    .WaitFor(forecasting)
    .WithReference(returns)
    .WaitFor(returns)
    .WithReference(liquidation)
    .WaitFor(liquidation)
    .WithReference(limits)
    .WaitFor(limits)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
