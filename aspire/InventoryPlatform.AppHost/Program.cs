using InventoryPlatform.AppHost;

// The whole platform on one page: the database and the broker, the seven services, the gateway in front.
var builder = DistributedApplication.CreateBuilder(args);

var (database, messaging) = builder.AddPlatformInfrastructure();
// The gateway alone signs caller identities; the services get only the public key (JWKS) to check them.
var identity = builder.IdentityKeys();

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
        .WithEnvironment("Identity__Jwks", identity.Jwks)
        .WithHttpHealthCheck("/health");

var receiving = Service<Projects.InventoryPlatform_Receiving>("receiving");
var allocation = Service<Projects.InventoryPlatform_Allocation>("allocation");
var forecasting = Service<Projects.InventoryPlatform_Forecasting>("forecasting");
var returns = Service<Projects.InventoryPlatform_Returns>("returns");
var liquidation = Service<Projects.InventoryPlatform_Liquidation>("liquidation");
var limits = Service<Projects.InventoryPlatform_Limits>("limits");
var notifications = Service<Projects.InventoryPlatform_Notifications>("notifications");

var gateway = builder
    .AddProject<Projects.InventoryPlatform_Gateway>("gateway")
    .WithReference(database)
    .WaitFor(database)
    .WithPlatformDatabaseProvider(builder)
    .WithPlatformTelemetry(builder)
    .WithEnvironment("Identity__SigningKeys__0__KeyId", identity.KeyId)
    .WithEnvironment("Identity__SigningKeys__0__PrivateKey", identity.PrivateKey)
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
    .WithReference(notifications)
    .WaitFor(notifications)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

// Allocation's reconciliation reads the unit counts of the services that keep a projection of the ledger, through the
// gateway with an admin API key of its own (the development key unless one is given).
allocation
    .WithReference(gateway)
    .WithEnvironment(
        "Allocation__ReconciliationApiKey",
        builder.Configuration["Allocation:ReconciliationApiKey"] ?? "dev-reconciler-key"
    );

builder.Build().Run();
