using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using InventoryPlatform.Data;
using InventoryPlatform.Gateway;
using InventoryPlatform.Gateway.Security;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using YamlDotNet.RepresentationModel;

namespace InventoryPlatform.UnitTests;

/// <summary>
/// The deployment files (deploy/k8s, deploy/compose, the SQL Server logins script) checked against the code
/// without a cluster or Docker: the Kustomize overlays render, and name only images, ports, probes and settings
/// that the projects declare and read.
/// </summary>
public sealed partial class DeploymentSpecs
{
    private static readonly string[] ServiceNames =
    [
        "receiving",
        "allocation",
        "forecasting",
        "returns",
        "liquidation",
        "limits",
        "notifications",
    ];
    private static readonly string[] ImageNames = [.. ServiceNames, "gateway"];
    private static readonly string[] Overlays = ["dev", "production"];

    /// <summary>The secret of the gateway's identity private keys (taken whole), and the ConfigMap of their public keys.</summary>
    private const string IdentityKeysSecret = "gateway-identity-keys";
    private const string JwksConfigMap = "identity-jwks";
    private static readonly string JwksVariable = IdentityTokens.JwksSetting.Replace(":", "__", StringComparison.Ordinal);
    private static readonly string SigningKeysPrefix = IdentityTokens.SigningKeysSection.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>What each project's build declares for its image (deploy/Container.props stamps it into the assembly).</summary>
    private static readonly Dictionary<string, (string Repository, int Port)> DeclaredImages = ProjectAssemblies()
        .ToDictionary(
            a => a.GetName().Name!.Replace("InventoryPlatform.", "", StringComparison.Ordinal).ToLowerInvariant(),
            a => (Metadata(a, "ContainerRepository"), int.Parse(Metadata(a, "ContainerHttpPort")))
        );

    [Test]
    public void Every_service_and_the_gateway_declares_an_image_named_after_it_listening_on_8080()
    {
        Assert.That(DeclaredImages.Keys, Is.EquivalentTo(ImageNames));
        Assert.Multiple(() =>
        {
            foreach (var (name, image) in DeclaredImages)
            {
                Assert.That(image.Repository, Is.EqualTo($"inventoryplatform/{name}"));
                Assert.That(image.Port, Is.EqualTo(8080), $"{name}: 8080 is the port of the .NET 8+ images, and the manifests use it");
            }
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void An_overlay_renders_with_kubectl_kustomize_a_deployment_service_pdb_and_autoscaler_per_service(string overlay)
    {
        var objects = Render(overlay);

        Assert.Multiple(() =>
        {
            foreach (var name in ImageNames)
            {
                var deployment = Single(objects, "Deployment", name);
                Assert.That(Single(objects, "Service", name), Is.Not.Null);
                var budget = Single(objects, "PodDisruptionBudget", name);
                Assert.That(
                    Text(budget, "spec", "selector", "matchLabels", "app.kubernetes.io/name"),
                    Is.EqualTo(name),
                    $"{name}: PDB selector"
                );
                Assert.That(Text(deployment, "spec", "template", "metadata", "labels", "app.kubernetes.io/name"), Is.EqualTo(name));
                var autoscaler = Single(objects, "HorizontalPodAutoscaler", name);
                Assert.That(Text(autoscaler, "spec", "scaleTargetRef", "name"), Is.EqualTo(name));
                Assert.That(
                    int.Parse(Text(autoscaler, "spec", "maxReplicas")!),
                    Is.GreaterThan(int.Parse(Text(autoscaler, "spec", "minReplicas")!)),
                    $"{name}: the autoscaler must be able to scale out"
                );
            }

            Assert.That(Single(objects, "Ingress", "gateway"), Is.Not.Null);
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Every_deployment_is_ready_on_ready_and_alive_on_alive_at_the_port_its_image_listens_on(string overlay)
    {
        var objects = Render(overlay);

        Assert.Multiple(() =>
        {
            foreach (var name in ImageNames)
            {
                var container = Containers(Single(objects, "Deployment", name)).Single();
                var port = DeclaredImages[name].Port;
                Assert.That(ContainerPorts(container), Is.EqualTo(new[] { port }), $"{name}: containerPort");
                Assert.That(
                    Text(container, "readinessProbe", "httpGet", "path"),
                    Is.EqualTo(Microsoft.Extensions.Hosting.Extensions.ReadyPath),
                    $"{name}: readiness"
                );
                Assert.That(
                    Text(container, "livenessProbe", "httpGet", "path"),
                    Is.EqualTo(Microsoft.Extensions.Hosting.Extensions.AlivePath),
                    $"{name}: liveness"
                );
                Assert.That(
                    ResolvePort(container, Text(container, "readinessProbe", "httpGet", "port")!),
                    Is.EqualTo(port),
                    $"{name}: readiness port"
                );
                Assert.That(
                    ResolvePort(container, Text(container, "livenessProbe", "httpGet", "port")!),
                    Is.EqualTo(port),
                    $"{name}: liveness port"
                );
                var service = Single(objects, "Service", name);
                var servicePort = (YamlMappingNode)((YamlSequenceNode)service["spec"]["ports"]).Single();
                Assert.That(ResolvePort(container, Text(servicePort, "targetPort")!), Is.EqualTo(port), $"{name}: Service targetPort");
                Assert.That(Text(servicePort, "port"), Is.EqualTo("8080"), $"{name}: the gateway addresses services on 8080");
            }
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Every_platform_container_has_cpu_and_memory_requests_and_limits_and_runs_as_non_root(string overlay)
    {
        var workloads = Render(overlay).Where(o => Kind(o) is "Deployment" or "Job").ToList();

        Assert.That(workloads, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var workload in workloads)
            {
                foreach (var container in Containers(workload))
                {
                    var where = $"{Kind(workload)} {Name(workload)}";
                    foreach (var kind in new[] { "requests", "limits" })
                    {
                        Assert.That(Text(container, "resources", kind, "cpu"), Is.Not.Null.And.Not.Empty, $"{where}: cpu {kind}");
                        Assert.That(Text(container, "resources", kind, "memory"), Is.Not.Null.And.Not.Empty, $"{where}: memory {kind}");
                    }

                    if (IsPlatformImage(Text(container, "image")!))
                    {
                        Assert.That(
                            Text(workload, "spec", "template", "spec", "securityContext", "runAsNonRoot"),
                            Is.EqualTo("true"),
                            where
                        );
                        Assert.That(Text(workload, "spec", "template", "spec", "securityContext", "runAsUser"), Is.Not.EqualTo("0"), where);
                    }
                }
            }
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Images_are_the_repositories_the_projects_declare(string overlay)
    {
        var images = Render(overlay)
            .Where(o => Kind(o) is "Deployment" or "Job")
            .SelectMany(Containers)
            .Select(c => Text(c, "image")!)
            .Where(i => i.Contains("inventoryplatform", StringComparison.Ordinal))
            .ToList();
        var declared = DeclaredImages.Values.Select(d => d.Repository).ToList();

        Assert.Multiple(() =>
        {
            foreach (var image in images)
            {
                Assert.That(
                    declared.Any(d => RepositoryOf(image) == d || RepositoryOf(image).EndsWith("/" + d, StringComparison.Ordinal)),
                    image
                );
            }

            foreach (var repository in declared)
            {
                Assert.That(images.Any(i => RepositoryOf(i).EndsWith(repository, StringComparison.Ordinal)), $"{repository} is deployed");
            }
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Service_and_gateway_containers_are_given_only_settings_the_code_reads(string overlay)
    {
        var objects = Render(overlay);
        var containers = objects
            .Where(o => Kind(o) is "Deployment" or "Job")
            .SelectMany(w => Containers(w).Select(c => (Where: $"{Kind(w)} {Name(w)}", Container: c)))
            .Where(c => IsPlatformImage(Text(c.Container, "image")!))
            .ToList();

        Assert.That(containers, Has.Count.EqualTo(2 * ImageNames.Length), "a Deployment and a migration Job per image");
        Assert.Multiple(() =>
        {
            foreach (var (where, container) in containers)
            {
                var environment = EnvironmentOf(container, objects);
                var gateway = IsGatewayImage(Text(container, "image")!);
                var unknown = environment.Where(v => !IsSettingTheCodeReads(v.Name, v.Value, environment, gateway)).ToList();
                Assert.That(unknown.Select(v => v.Name), Is.Empty, $"{where} names settings no code reads");
            }
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Services_run_on_SQL_Server_with_quorum_queues_and_leave_migrations_to_a_job_per_service(string overlay)
    {
        var objects = Render(overlay);

        Assert.Multiple(() =>
        {
            foreach (var name in ServiceNames)
            {
                var settings = EnvironmentOf(Containers(Single(objects, "Deployment", name)).Single(), objects)
                    .ToDictionary(v => v.Name, v => v.Value);
                Assert.That(
                    settings.GetValueOrDefault(Key(nameof(DatabaseOptions.Provider))),
                    Is.EqualTo(nameof(DatabaseProvider.SqlServer)),
                    name
                );
                Assert.That(settings.GetValueOrDefault(Key(MigrationMode.RunAtStartupKey)), Is.EqualTo("false"), name);
                Assert.That(settings.GetValueOrDefault("Messaging__" + nameof(MessagingOptions.QuorumQueues)), Is.EqualTo("true"), name);

                var job = Single(objects, "Job", $"migrate-{name}");
                var migrate = Containers(job).Single();
                Assert.That(
                    Text(migrate, "image"),
                    Is.EqualTo(Text(Containers(Single(objects, "Deployment", name)).Single(), "image")),
                    $"{name}: the Job migrates with the release's image"
                );
                Assert.That(
                    ((YamlSequenceNode)migrate["args"]).Select(a => a.ToString()),
                    Is.EqualTo(new[] { MigrationMode.MigrateOnlyArgument })
                );
                Assert.That(
                    Text(job, "metadata", "labels", "app.kubernetes.io/component"),
                    Is.EqualTo("migration"),
                    "rollout.sh waits for this label"
                );
            }

            Assert.That(Single(objects, "RabbitmqCluster", "rabbitmq")["apiVersion"].ToString(), Is.EqualTo("rabbitmq.com/v1beta1"));
            Assert.That(Single(objects, "Job", "database-setup"), Is.Not.Null);
        });

        static string Key(string key) =>
            key.Contains(':', StringComparison.Ordinal)
                ? key.Replace(":", "__", StringComparison.Ordinal)
                : $"{DatabaseOptions.Section}__{key}";
    }

    [TestCaseSource(nameof(Overlays))]
    public void The_gateway_runs_on_SQL_Server_in_its_own_schema_and_leaves_migrations_to_its_own_job(string overlay)
    {
        var objects = Render(overlay);
        var deployment = Containers(Single(objects, "Deployment", "gateway")).Single();
        var settings = EnvironmentOf(deployment, objects).ToDictionary(v => v.Name, v => v.Value);
        var job = Single(objects, "Job", "migrate-gateway");
        var migrate = Containers(job).Single();

        Assert.Multiple(() =>
        {
            Assert.That(GatewaySetup.Descriptor.Schema, Is.EqualTo("gateway"), "the schema the login script gives the gateway");
            Assert.That(
                settings.GetValueOrDefault($"{DatabaseOptions.Section}__{nameof(DatabaseOptions.Provider)}"),
                Is.EqualTo(nameof(DatabaseProvider.SqlServer))
            );
            Assert.That(
                settings.GetValueOrDefault($"{DatabaseOptions.Section}__{nameof(DatabaseOptions.CreateDatabaseIfMissing)}"),
                Is.EqualTo("false")
            );
            Assert.That(
                settings.GetValueOrDefault(MigrationMode.RunAtStartupKey.Replace(":", "__", StringComparison.Ordinal)),
                Is.EqualTo("false")
            );
            Assert.That(settings.Keys, Has.None.StartsWith(MessagingOptions.Section + "__"), "the gateway has no bus");
            Assert.That(Text(migrate, "image"), Is.EqualTo(Text(deployment, "image")), "the Job migrates with the release's image");
            Assert.That(
                ((YamlSequenceNode)migrate["args"]).Select(a => a.ToString()),
                Is.EqualTo(new[] { MigrationMode.MigrateOnlyArgument })
            );
            Assert.That(
                Text(job, "metadata", "labels", "app.kubernetes.io/component"),
                Is.EqualTo("migration"),
                "rollout.sh waits for this label"
            );
            Assert.That(
                EnvironmentOf(migrate, objects)
                    .ToDictionary(v => v.Name, v => v.Value)
                    .GetValueOrDefault(MigrationMode.RunAtStartupKey.Replace(":", "__", StringComparison.Ordinal)),
                Is.EqualTo("false")
            );
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Only_the_gateway_takes_identity_private_keys_services_the_public_jwks_and_each_its_own_connection_string(string overlay)
    {
        var objects = Render(overlay);

        Assert.Multiple(() =>
        {
            foreach (var name in ImageNames)
            {
                foreach (var (kind, workload) in new[] { ("Deployment", name), ("Job", $"migrate-{name}") })
                {
                    var container = Containers(Single(objects, kind, workload)).Single();
                    var takesPrivateKeys =
                        container.Children.TryGetValue("envFrom", out var from)
                        && ((YamlSequenceNode)from)
                            .Cast<YamlMappingNode>()
                            .Any(f => Text(f, "secretRef", "name")?.StartsWith(IdentityKeysSecret, StringComparison.Ordinal) == true);
                    var jwks = container.Children.TryGetValue("env", out var env)
                        ? ((YamlSequenceNode)env).Cast<YamlMappingNode>().SingleOrDefault(v => Text(v, "name") == JwksVariable)
                        : null;
                    var shouldTakePrivateKeys = name == "gateway" && kind == "Deployment";
                    Assert.That(takesPrivateKeys, Is.EqualTo(shouldTakePrivateKeys), $"{kind} {workload}: {IdentityKeysSecret}");
                    Assert.That(
                        jwks is null ? null : Text(jwks, "valueFrom", "configMapKeyRef", "name"),
                        name != "gateway" && kind == "Deployment" ? Does.StartWith(JwksConfigMap) : Is.Null,
                        $"{kind} {workload}: {JwksVariable} (a service's public keys; a migration needs none)"
                    );
                    var (database, databaseKey) = SecretOf(container, $"ConnectionStrings__{new DatabaseOptions().ConnectionStringName}");
                    Assert.That(database, Does.StartWith($"{name}-database"), $"{kind} {workload}: its own login");
                    Assert.That(databaseKey, Is.EqualTo("connection-string"), $"{kind} {workload}");
                }
            }
        });
    }

    [Test]
    public void Production_runs_a_three_node_rabbitmq_cluster_and_at_least_two_replicas_of_everything()
    {
        var objects = Render("production");

        Assert.That(Text(Single(objects, "RabbitmqCluster", "rabbitmq"), "spec", "replicas"), Is.EqualTo("3"));
        Assert.Multiple(() =>
        {
            foreach (var name in ImageNames)
            {
                Assert.That(
                    int.Parse(Text(Single(objects, "HorizontalPodAutoscaler", name), "spec", "minReplicas")!),
                    Is.GreaterThanOrEqualTo(2),
                    name
                );
                Assert.That(Text(Single(objects, "PodDisruptionBudget", name), "spec", "maxUnavailable"), Is.EqualTo("1"), name);
            }
        });
    }

    [Test]
    public void Every_secret_the_dev_overlay_uses_is_generated_in_it_except_the_operators_rabbitmq_user()
    {
        var objects = Render("dev");
        var secrets = objects
            .Where(o => Kind(o) == "Secret")
            .SelectMany(s => ((YamlMappingNode)s["data"]).Children.Keys.Select(k => (Name(s), k.ToString())))
            .ToHashSet();
        var used = objects
            .SelectMany(Descendants)
            .OfType<YamlMappingNode>()
            .Where(n => n.Children.ContainsKey("secretKeyRef"))
            .Select(n => (Text(n, "secretKeyRef", "name")!, Text(n, "secretKeyRef", "key")!))
            .ToList();

        Assert.That(used, Is.Not.Empty);
        Assert.That(used.Where(u => u.Item1 != "rabbitmq-default-user").Except(secrets), Is.Empty);
        // The dev overlay's gateway key signs what the services' dev JWKS checks, and that JWKS holds no private key.
        var keys = Single(objects, "Secret", IdentityKeysSecret);
        var key = IdentitySigningKey.FromPrivateKey(
            SecretValue(keys, $"{SigningKeysPrefix}__0__KeyId"),
            SecretValue(keys, $"{SigningKeysPrefix}__0__PrivateKey")
        );
        var validator = new IdentityTokenValidator(Text(Single(objects, "ConfigMap", JwksConfigMap), "data", "jwks")!, TimeProvider.System);
        var token = new IdentityTokenIssuer([key], key.KeyId, TimeProvider.System).Issue(
            new CallerIdentity("seller-1", ["inventory:read"])
        );
        Assert.That(validator.ValidateAsync(token).AsTask().Result?.SellerId, Is.EqualTo("seller-1"));
    }

    [Test]
    public void The_cluster_and_compose_never_trust_the_development_api_keys()
    {
        using var development = JsonDocument.Parse(
            File.ReadAllText(RepoPath("gateway/InventoryPlatform.Gateway/appsettings.Development.json"))
        );
        var developmentHashes = development
            .RootElement.GetProperty(GatewayOptions.Section)
            .GetProperty(nameof(GatewayOptions.ApiKeys))
            .EnumerateArray()
            .Select(k => k.GetProperty(nameof(ConfiguredApiKey.Sha256)).GetString()!)
            .ToList();
        var deployed = Overlays
            .SelectMany(Render)
            .Where(o => Kind(o) is "Secret" or "ConfigMap")
            .SelectMany(o =>
                o.Children.TryGetValue("data", out var data)
                    ? ((YamlMappingNode)data).Children.Select(d => (Kind(o), d.Value.ToString()))
                    : []
            )
            .Select(d => d.Item1 == "Secret" ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(d.Item2)) : d.Item2)
            .Append(File.ReadAllText(RepoPath("deploy/compose/docker-compose.yml")))
            .Append(File.ReadAllText(RepoPath("deploy/compose/.env.example")))
            .ToList();

        Assert.That(developmentHashes, Is.Not.Empty);
        Assert.That(deployed.Where(text => developmentHashes.Any(h => text.Contains(h, StringComparison.OrdinalIgnoreCase))), Is.Empty);
    }

    [Test]
    public void The_gateway_finds_every_cluster_of_its_reverse_proxy_configuration_as_a_kubernetes_service()
    {
        var objects = Render("production");
        var gateway = EnvironmentOf(Containers(Single(objects, "Deployment", "gateway")).Single(), objects)
            .ToDictionary(v => v.Name, v => v.Value);
        var destinations = GatewayDestinationHosts();

        Assert.That(destinations, Is.EquivalentTo(ServiceNames));
        Assert.Multiple(() =>
        {
            foreach (var host in destinations)
            {
                Assert.That(gateway.GetValueOrDefault($"services__{host}__http__0"), Is.EqualTo($"http://{host}:8080"), host);
                Assert.That(Single(objects, "Service", host), Is.Not.Null);
            }
        });
    }

    [Test]
    public void The_compose_file_is_valid_yaml_and_runs_every_image_the_projects_declare_after_its_migration()
    {
        var compose = (YamlMappingNode)LoadYaml(File.ReadAllText(RepoPath("deploy/compose/docker-compose.yml"))).Single();
        var services = (YamlMappingNode)compose["services"];
        var names = services.Children.Keys.Select(k => k.ToString()).ToList();

        Assert.That(
            names,
            Is.SupersetOf(ImageNames.Concat(["sqlserver", "rabbitmq", "db-setup"]).Concat(ImageNames.Select(s => $"migrate-{s}")))
        );
        Assert.Multiple(() =>
        {
            foreach (var (nameNode, node) in services.Children)
            {
                var service = (YamlMappingNode)node;
                var name = nameNode.ToString();
                foreach (var dependency in service.Children.TryGetValue("depends_on", out var d) ? ((YamlMappingNode)d).Children.Keys : [])
                {
                    Assert.That(names, Does.Contain(dependency.ToString()), $"{name} depends on an undefined service");
                }

                foreach (var volume in service.Children.TryGetValue("volumes", out var v) ? (YamlSequenceNode)v : new YamlSequenceNode())
                {
                    var source = volume.ToString().Split(':')[0];
                    if (source.StartsWith('.'))
                    {
                        Assert.That(Directory.Exists(Path.Combine(RepoPath("deploy/compose"), source)), $"{name}: {source} exists");
                    }
                }

                var image = Text(service, "image")!;
                if (!image.Contains("inventoryplatform/", StringComparison.Ordinal))
                {
                    continue;
                }

                var imageName = name.Replace("migrate-", "", StringComparison.Ordinal);
                Assert.That(image, Is.EqualTo($"${{REGISTRY:-}}{DeclaredImages[imageName].Repository}:${{TAG:-latest}}"), name);
                var environment = ((YamlMappingNode)service["environment"])
                    .Children.Select(e => (Name: e.Key.ToString(), Value: e.Value.ToString()))
                    .ToList();
                Assert.That(
                    environment
                        .Where(e => !IsSettingTheCodeReads(e.Name, e.Value, environment, imageName == "gateway"))
                        .Select(e => e.Name),
                    Is.Empty,
                    name
                );
                Assert.That(
                    environment.Where(e => e.Name.StartsWith(SigningKeysPrefix, StringComparison.Ordinal)).Select(e => e.Value),
                    name == "gateway"
                        ? Is.EqualTo(
                            new[]
                            {
                                "${IDENTITY_KEY_ID:?set IDENTITY_KEY_ID in .env}",
                                "${IDENTITY_PRIVATE_KEY:?set IDENTITY_PRIVATE_KEY in .env}",
                            }
                        )
                        : Is.Empty,
                    $"{name}: the identity private key, for the gateway alone"
                );
                Assert.That(
                    environment.Where(e => e.Name == JwksVariable).Select(e => e.Value),
                    name is "gateway" || name.StartsWith("migrate-", StringComparison.Ordinal)
                        ? Is.Empty
                        : Is.EqualTo(new[] { "${IDENTITY_JWKS:?set IDENTITY_JWKS in .env}" }),
                    $"{name}: the gateway's public keys, for a service"
                );
                Assert.That(
                    environment.Single(e => e.Name == $"ConnectionStrings__{new DatabaseOptions().ConnectionStringName}").Value,
                    Does.Contain($"User ID=inventory_{imageName};"),
                    $"{name}: its own login"
                );
                if (name.StartsWith("migrate-", StringComparison.Ordinal))
                {
                    Assert.That(
                        ((YamlSequenceNode)service["command"]).Select(c => c.ToString()),
                        Is.EqualTo(new[] { MigrationMode.MigrateOnlyArgument })
                    );
                }
                else
                {
                    Assert.That(
                        Text(service, "depends_on", $"migrate-{name}", "condition"),
                        Is.EqualTo("service_completed_successfully"),
                        name
                    );
                }
            }
        });
    }

    [Test]
    public void The_SQL_Server_logins_script_parses_and_gives_each_service_and_the_gateway_a_login_that_owns_only_its_own_schema()
    {
        var script = File.ReadAllText(RepoPath("deploy/k8s/base/sql/sqlserver-logins.sql"));
        // sqlcmd replaces $(NAME) from the environment before SQL Server sees the text.
        var sql = SqlcmdVariable().Replace(script, "Sample-Passw0rd");

        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.That(errors.Select(e => $"line {e.Line}: {e.Message}"), Is.Empty);

        var statements = new SecurityStatements();
        fragment.Accept(statements);
        var schemas = SqlServerSyntaxSpecs.Services.Select(s => s.Schema).Append(GatewaySetup.Descriptor.Schema).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(statements.Logins, Is.EquivalentTo(schemas.Select(s => $"inventory_{s}")));
            Assert.That(
                statements.SchemaOwners,
                Is.EquivalentTo(schemas.Select(s => (s, $"inventory_{s}"))),
                "ALTER AUTHORIZATION ON SCHEMA::<schema> TO inventory_<schema>"
            );
            Assert.That(statements.ObjectGrants, Is.Empty, "no rights on objects or other schemas");
            Assert.That(statements.DatabaseGrants.Distinct(), Is.EquivalentTo(new[] { "CREATE TABLE", "CREATE VIEW" }));
            Assert.That(statements.RoleChanges, Is.Zero, "no database roles (db_owner, db_datareader, ...)");
            foreach (var service in schemas)
            {
                Assert.That(
                    script,
                    Does.Contain($"CREATE USER [inventory_{service}] FOR LOGIN [inventory_{service}] WITH DEFAULT_SCHEMA = [{service}];")
                );
                Assert.That(script, Does.Contain($"N'CREATE SCHEMA [{service}] AUTHORIZATION [inventory_{service}]'"));
            }
        });
        foreach (var created in statements.DynamicSql)
        {
            Assert.That(new TSql160Parser(true).Parse(new StringReader(created), out var inner), Is.Not.Null);
            Assert.That(inner, Is.Empty, created);
        }
    }

    [Test]
    public void Every_password_the_logins_script_needs_is_given_to_the_database_setup_job_and_the_compose_db_setup()
    {
        var needed = SqlcmdVariable()
            .Matches(File.ReadAllText(RepoPath("deploy/k8s/base/sql/sqlserver-logins.sql")))
            .Select(m => m.Value[2..^1])
            .ToHashSet();
        var job = Containers(Single(Render("production"), "Job", "database-setup")).Single();
        var jobVariables = ((YamlSequenceNode)job["env"]).Cast<YamlMappingNode>().Select(v => Text(v, "name")!).ToList();
        var compose = (YamlMappingNode)LoadYaml(File.ReadAllText(RepoPath("deploy/compose/docker-compose.yml"))).Single();
        var composeVariables = ((YamlMappingNode)compose["services"]["db-setup"]["environment"])
            .Children.Keys.Select(k => k.ToString())
            .ToList();

        Assert.That(needed, Does.Contain("GATEWAY_DB_PASSWORD"));
        Assert.That(jobVariables, Is.SupersetOf(needed), "database-setup Job");
        Assert.That(composeVariables, Is.SupersetOf(needed), "compose db-setup");
    }

    // ---- settings the code reads ----

    /// <summary>
    /// A variable is a setting the code reads when it binds to the options classes the image reads (both:
    /// <see cref="DatabaseOptions"/>; a service: <see cref="MessagingOptions"/> and Allocation's options; the gateway:
    /// <see cref="GatewayOptions"/>), is a key <see cref="MigrationMode"/> reads, names a connection string those options look
    /// up, is an identity setting (a service: <see cref="IdentityTokens.JwksSetting"/>; the gateway: its signing keys), appears
    /// literally in the source (OTEL_EXPORTER_OTLP_ENDPOINT), is (for the gateway) a service-discovery endpoint for a
    /// destination its ReverseProxy configuration names, or is the port ASP.NET Core listens on. A variable used only
    /// to build another one (<c>$(NAME)</c> in its value) is a helper, not a setting. Array indices read as <c>N</c>.
    /// </summary>
    [TestCaseSource(nameof(Overlays))]
    public void Every_deployment_names_itself_to_OpenTelemetry_and_drains_for_5_s_before_it_stops(string overlay)
    {
        var deployments = Render(overlay).Where(o => Kind(o) == "Deployment" && ImageNames.Contains(Name(o))).ToList();

        Assert.That(deployments.Select(Name), Is.EquivalentTo(ImageNames));
        Assert.Multiple(() =>
        {
            foreach (var deployment in deployments)
            {
                var container = Containers(deployment).Single(c => Text(c, "name") == Name(deployment));
                var otelName = ((YamlSequenceNode)container["env"])
                    .Cast<YamlMappingNode>()
                    .Where(v => Text(v, "name") == "OTEL_SERVICE_NAME")
                    .Select(v => Text(v, "value"));
                Assert.That(otelName, Is.EqualTo(new[] { Name(deployment) }), $"{Name(deployment)}: OTEL_SERVICE_NAME");
                Assert.That(Text(container, "lifecycle", "preStop", "sleep", "seconds"), Is.EqualTo("5"), $"{Name(deployment)}: preStop");
                Assert.That(
                    int.Parse(Text(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds") ?? "0"),
                    Is.EqualTo(30),
                    $"{Name(deployment)}: the grace period covers the 5 s drain and the shutdown after it"
                );
            }
        });
    }

    [Test]
    public void Every_compose_service_and_the_gateway_names_itself_to_OpenTelemetry()
    {
        var compose = (YamlMappingNode)LoadYaml(File.ReadAllText(RepoPath("deploy/compose/docker-compose.yml"))).Single();
        var names = ImageNames.ToDictionary(n => n, n => Text((YamlMappingNode)compose["services"][n], "environment", "OTEL_SERVICE_NAME"));

        Assert.That(names, Is.EquivalentTo(ImageNames.ToDictionary(n => n, n => (string?)n)));
    }

    [TestCaseSource(nameof(Overlays))]
    public void Every_service_reaches_rabbitmq_as_its_own_user_with_rights_only_on_the_inventory_vhost(string overlay)
    {
        var objects = Render(overlay);

        Assert.Multiple(() =>
        {
            foreach (var service in ServiceNames)
            {
                var workloads = objects.Where(o =>
                    Kind(o) is "Deployment" or "Job" && (Name(o) == service || Name(o) == $"migrate-{service}")
                );
                foreach (var workload in workloads)
                {
                    var env = ((YamlSequenceNode)Containers(workload).Single()["env"]).Cast<YamlMappingNode>().ToList();
                    var rabbitSecrets = env.Where(v => Text(v, "name") is "RABBITMQ_USERNAME" or "RABBITMQ_PASSWORD")
                        .Select(v => Text(v, "valueFrom", "secretKeyRef", "name"));
                    Assert.That(rabbitSecrets, Is.EqualTo(new[] { $"rabbitmq-{service}", $"rabbitmq-{service}" }), Name(workload));
                    Assert.That(
                        env.Single(v => Text(v, "name") == "ConnectionStrings__messaging").Children["value"].ToString(),
                        Is.EqualTo("amqp://$(RABBITMQ_USERNAME):$(RABBITMQ_PASSWORD)@rabbitmq:5672/inventory"),
                        Name(workload)
                    );
                }

                var user = Single(objects, "User", $"rabbitmq-{service}");
                Assert.That(Text(user, "spec", "importCredentialsSecret", "name"), Is.EqualTo($"rabbitmq-{service}"));
                var permission = objects.Single(o =>
                    Kind(o) == "Permission" && Text(o, "spec", "userReference", "name") == $"rabbitmq-{service}"
                );
                Assert.That(Text(permission, "spec", "vhost"), Is.EqualTo("inventory"));
            }

            Assert.That(objects.Where(o => Kind(o) == "Vhost").Select(v => Text(v, "spec", "name")), Is.EqualTo(new[] { "inventory" }));
            if (overlay == "dev")
            {
                var devSecrets = objects.Where(o => Kind(o) == "Secret" && Name(o).StartsWith("rabbitmq-", StringComparison.Ordinal));
                Assert.That(devSecrets.Select(Name), Is.EquivalentTo(ServiceNames.Select(s => $"rabbitmq-{s}")));
            }
        });
    }

    [Test]
    public void In_compose_every_service_reaches_rabbitmq_as_its_own_user_which_the_setup_creates_before_it_starts()
    {
        var compose = (YamlMappingNode)LoadYaml(File.ReadAllText(RepoPath("deploy/compose/docker-compose.yml"))).Single();
        var services = (YamlMappingNode)compose["services"];
        var setup = (YamlMappingNode)services["rabbitmq-setup"];
        var setupPasswords = ((YamlMappingNode)setup["environment"])
            .Children.Keys.Select(k => k.ToString())
            .Where(k => k.EndsWith("_RABBITMQ_PASSWORD", StringComparison.Ordinal));
        var example = File.ReadAllLines(RepoPath("deploy/compose/.env.example"));

        Assert.Multiple(() =>
        {
            Assert.That(setupPasswords, Is.EquivalentTo(ServiceNames.Select(s => $"{s.ToUpperInvariant()}_RABBITMQ_PASSWORD")));
            Assert.That(File.Exists(RepoPath("deploy/compose/rabbitmq/rabbitmq-users.sh")), Is.True, "the setup script");
            foreach (var name in ServiceNames.SelectMany(s => new[] { s, $"migrate-{s}" }))
            {
                var service = name.Replace("migrate-", "", StringComparison.Ordinal);
                var password = $"{service.ToUpperInvariant()}_RABBITMQ_PASSWORD";
                Assert.That(
                    Text((YamlMappingNode)services[name], "environment", "ConnectionStrings__messaging"),
                    Is.EqualTo($"amqp://inventory_{service}:${{{password}}}@rabbitmq:5672/inventory"),
                    name
                );
                Assert.That(
                    Text((YamlMappingNode)services[name], "depends_on", "rabbitmq-setup", "condition"),
                    Is.EqualTo("service_completed_successfully"),
                    name
                );
                Assert.That(example, Has.Some.StartsWith($"{password}="), $".env.example gives {password}");
            }

            Assert.That(File.ReadAllText(RepoPath("deploy/compose/docker-compose.yml")), Does.Not.Contain("${RABBITMQ_PASSWORD}"));
        });
    }

    [TestCaseSource(nameof(Overlays))]
    public void Every_service_accepts_traffic_only_from_the_gateway_and_rabbitmq_only_from_the_services(string overlay)
    {
        var policies = Render(overlay).Where(o => Kind(o) == "NetworkPolicy").ToDictionary(Name);

        Assert.Multiple(() =>
        {
            foreach (var service in ServiceNames)
            {
                Assert.That(policies.ContainsKey(service), Is.True, $"a NetworkPolicy {service}");
                var policy = policies[service];
                Assert.That(Text(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"), Is.EqualTo(service));
                var sources = ((YamlSequenceNode)policy["spec"]["ingress"])
                    .Cast<YamlMappingNode>()
                    .SelectMany(rule => ((YamlSequenceNode)rule["from"]).Cast<YamlMappingNode>())
                    .Select(from => Text(from, "podSelector", "matchLabels", "app.kubernetes.io/name"));
                Assert.That(sources, Is.EqualTo(new[] { "gateway" }), $"{service} admits only the gateway");
            }

            var amqp = ((YamlSequenceNode)policies["rabbitmq"]["spec"]["ingress"])
                .Cast<YamlMappingNode>()
                .Single(rule =>
                    rule.Children.ContainsKey("ports") && Text((YamlMappingNode)((YamlSequenceNode)rule["ports"])[0], "port") == "5672"
                );
            var from = (YamlMappingNode)((YamlSequenceNode)amqp["from"]).Single();
            var admitted = ((YamlSequenceNode)from["podSelector"]["matchExpressions"][0]["values"]).Select(v => v.ToString());
            Assert.That(admitted, Is.EquivalentTo(ServiceNames.Concat(ServiceNames.Select(s => $"migrate-{s}"))));
        });
    }

    private static bool IsSettingTheCodeReads(
        string name,
        string value,
        IEnumerable<(string Name, string Value)> container,
        bool gateway
    ) =>
        (gateway ? GatewaySettings : ServiceSettings).Value.Contains(Regex.Replace(name, "__[0-9]+(?=__|$)", "__N"))
        || name == "ASPNETCORE_HTTP_PORTS"
        || name == "OTEL_SERVICE_NAME" // read by the OpenTelemetry SDK that ServiceDefaults sets up
        || (
            gateway
            && ServiceDiscoveryVariable().Match(name) is { Success: true } match
            && GatewayDestinationHosts().Contains(match.Groups[1].Value)
        )
        || (SourceMentions(name) && name.StartsWith("OTEL_", StringComparison.Ordinal))
        || container.Any(other => other.Value.Contains($"$({name})", StringComparison.Ordinal));

    private static readonly Lazy<HashSet<string>> ServiceSettings = new(() =>
    {
        var keys = SchemaSettings();
        keys.Add($"ConnectionStrings__{new MessagingOptions().ConnectionStringName}");
        keys.Add(JwksVariable);
        AddOptions(keys, MessagingOptions.Section, typeof(MessagingOptions));
        AddOptions(keys, Allocation.AllocationOptions.Section, typeof(Allocation.AllocationOptions));
        return keys;
    });

    private static readonly Lazy<HashSet<string>> GatewaySettings = new(() =>
    {
        var keys = SchemaSettings();
        AddOptions(keys, GatewayOptions.Section, typeof(GatewayOptions));
        keys.Add($"{SigningKeysPrefix}__N__KeyId");
        keys.Add($"{SigningKeysPrefix}__N__PrivateKey");
        keys.Add(IdentityTokens.ActiveKeyIdSetting.Replace(":", "__", StringComparison.Ordinal));
        return keys;
    });

    /// <summary>What every host that owns a schema reads (AddPlatformSchema).</summary>
    private static HashSet<string> SchemaSettings()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            $"ConnectionStrings__{new DatabaseOptions().ConnectionStringName}",
            MigrationMode.RunAtStartupKey.Replace(":", "__", StringComparison.Ordinal),
            MigrationMode.MigrateOnlyKey.Replace(":", "__", StringComparison.Ordinal),
        };
        AddOptions(keys, DatabaseOptions.Section, typeof(DatabaseOptions));
        return keys;
    }

    private static void AddOptions(HashSet<string> keys, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}__{property.Name}";
            var propertyType = property.PropertyType;
            if (propertyType.IsArray && propertyType.GetElementType() is { IsClass: true } element && element != typeof(string))
            {
                AddOptions(keys, key + "__N", element);
            }
            else if (propertyType.IsArray)
            {
                keys.Add(key + "__N");
            }
            else if (propertyType.IsClass && propertyType != typeof(string))
            {
                AddOptions(keys, key, propertyType);
            }
            else
            {
                keys.Add(key);
            }
        }
    }

    private static bool SourceMentions(string name) =>
        Directory
            .EnumerateFiles(RepoPath("aspire"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPath("shared"), "*.cs", SearchOption.AllDirectories))
            .Any(f => File.ReadAllText(f).Contains($"\"{name}\"", StringComparison.Ordinal));

    private static List<string> GatewayDestinationHosts()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(RepoPath("gateway/InventoryPlatform.Gateway/appsettings.json")));
        return settings
            .RootElement.GetProperty("ReverseProxy")
            .GetProperty("Clusters")
            .EnumerateObject()
            .SelectMany(c => c.Value.GetProperty("Destinations").EnumerateObject())
            .Select(d => new Uri(d.Value.GetProperty("Address").GetString()!).Host)
            .ToList();
    }

    // ---- rendering and reading manifests ----

    private static readonly Dictionary<string, List<YamlMappingNode>> Rendered = [];

    private static List<YamlMappingNode> Render(string overlay)
    {
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(overlay, out var objects))
            {
                objects = LoadYaml(Kustomize(RepoPath($"deploy/k8s/overlays/{overlay}"))).OfType<YamlMappingNode>().ToList();
                Rendered[overlay] = objects;
            }

            return objects;
        }
    }

    private static string Kustomize(string directory)
    {
        Process process;
        try
        {
            process = Process.Start(
                new ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true }
            )!;
        }
        catch (Win32Exception)
        {
            Assert.Ignore(
                "kubectl is not installed on this machine: the Kubernetes manifests cannot be rendered, so their checks are skipped."
            );
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"kubectl kustomize {directory} failed: {error}");
            return output.Result;
        }
    }

    private static List<YamlNode> LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    private static IEnumerable<YamlMappingNode> Containers(YamlMappingNode workload) =>
        ((YamlSequenceNode)workload["spec"]["template"]["spec"]["containers"]).Cast<YamlMappingNode>();

    /// <summary>A container's variables, those from ConfigMaps it takes whole (envFrom) included.</summary>
    private static List<(string Name, string Value)> EnvironmentOf(YamlMappingNode container, List<YamlMappingNode> objects)
    {
        var variables = new List<(string, string)>();
        if (container.Children.TryGetValue("env", out var env))
        {
            foreach (var variable in ((YamlSequenceNode)env).Cast<YamlMappingNode>())
            {
                variables.Add((Text(variable, "name")!, Text(variable, "value") ?? ""));
            }
        }

        if (container.Children.TryGetValue("envFrom", out var from))
        {
            foreach (var source in ((YamlSequenceNode)from).Cast<YamlMappingNode>())
            {
                if (Text(source, "configMapRef", "name") is { } configMapName)
                {
                    var configMap = Single(objects, "ConfigMap", configMapName);
                    variables.AddRange(((YamlMappingNode)configMap["data"]).Children.Select(d => (d.Key.ToString(), d.Value.ToString())));
                    continue;
                }

                // A whole secret: its keys are settings (values stay secret). One created out of band must be optional.
                var secretName = Text(source, "secretRef", "name")
                    ?? throw new AssertionException($"envFrom names neither a ConfigMap nor a Secret: {source}");
                var secret = objects.Where(o => Kind(o) == "Secret" && Name(o) == secretName).ToList();
                if (secret.Count == 0)
                {
                    Assert.That(
                        Text(source, "secretRef", "optional"),
                        Is.EqualTo("true"),
                        $"secret {secretName} is not rendered, so it must be optional"
                    );
                }

                variables.AddRange(
                    secret.SelectMany(s => ((YamlMappingNode)s["data"]).Children.Select(d => (d.Key.ToString(), "(secret)")))
                );
            }
        }

        return variables;
    }

    /// <summary>The secret and key a container's variable comes from (null when it is not from a secret).</summary>
    private static (string? Secret, string? Key) SecretOf(YamlMappingNode container, string variable)
    {
        var entry = container.Children.TryGetValue("env", out var env)
            ? ((YamlSequenceNode)env).Cast<YamlMappingNode>().SingleOrDefault(v => Text(v, "name") == variable)
            : null;
        return entry is null
            ? (null, null)
            : (Text(entry, "valueFrom", "secretKeyRef", "name"), Text(entry, "valueFrom", "secretKeyRef", "key"));
    }

    private static string SecretValue(YamlMappingNode secret, string key) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Text(secret, "data", key)!));

    private static bool IsGatewayImage(string image) =>
        RepositoryOf(image).EndsWith(DeclaredImages["gateway"].Repository, StringComparison.Ordinal);

    private static int[] ContainerPorts(YamlMappingNode container) =>
        ((YamlSequenceNode)container["ports"]).Select(p => int.Parse(Text((YamlMappingNode)p, "containerPort")!)).ToArray();

    private static int ResolvePort(YamlMappingNode container, string port) =>
        int.TryParse(port, out var number)
            ? number
            : ((YamlSequenceNode)container["ports"])
                .Cast<YamlMappingNode>()
                .Where(p => Text(p, "name") == port)
                .Select(p => int.Parse(Text(p, "containerPort")!))
                .Single();

    private static YamlMappingNode Single(List<YamlMappingNode> objects, string kind, string name)
    {
        var matches = objects
            .Where(o =>
                Kind(o) == kind
                && (
                    Name(o) == name
                    || (
                        kind is "ConfigMap" or "Secret"
                        && Name(o).StartsWith(name + "-", StringComparison.Ordinal)
                        && Name(o).Length == name.Length + 11
                    )
                )
            )
            .ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"one {kind} {name}");
        return matches[0];
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode node) =>
        node switch
        {
            YamlMappingNode mapping => mapping.Children.Values.SelectMany(Descendants).Prepend(node),
            YamlSequenceNode sequence => sequence.Children.SelectMany(Descendants).Prepend(node),
            _ => [node],
        };

    private static string Kind(YamlMappingNode o) => Text(o, "kind")!;

    private static string Name(YamlMappingNode o) => Text(o, "metadata", "name")!;

    private static string? Text(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current is YamlScalarNode scalar ? scalar.Value : null;
    }

    private static bool IsPlatformImage(string image) => RepositoryOf(image).Contains("inventoryplatform/", StringComparison.Ordinal);

    private static string RepositoryOf(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        var tag = image.IndexOf(':', lastSlash + 1);
        return tag < 0 ? image : image[..tag];
    }

    private static IEnumerable<Assembly> ProjectAssemblies() =>
        SqlServerSyntaxSpecs.Services.Select(s => s.Assembly).Append(Assembly.Load("InventoryPlatform.Gateway"));

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"{assembly.GetName().Name} declares no {key} (deploy/Container.props).");

    private static string RepoPath(string relative)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InventoryPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(
            directory?.FullName ?? throw new InvalidOperationException("InventoryPlatform.sln not found above the test directory."),
            relative
        );
    }

    [GeneratedRegex(@"\$\([A-Za-z_][A-Za-z0-9_]*\)")]
    private static partial Regex SqlcmdVariable();

    [GeneratedRegex("^services__([a-z]+)__http__[0-9]+$")]
    private static partial Regex ServiceDiscoveryVariable();

    private sealed class SecurityStatements : TSqlFragmentVisitor
    {
        public List<string> Logins { get; } = [];

        public List<(string Schema, string Owner)> SchemaOwners { get; } = [];

        public List<string> ObjectGrants { get; } = [];

        public List<string> DatabaseGrants { get; } = [];

        public List<string> DynamicSql { get; } = [];

        public int RoleChanges { get; private set; }

        public override void Visit(CreateLoginStatement node) => Logins.Add(node.Name.Value);

        public override void Visit(AlterAuthorizationStatement node) =>
            SchemaOwners.Add((node.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers.Last().Value, node.PrincipalName.Value));

        public override void Visit(GrantStatement node)
        {
            var permissions = node.Permissions.Select(p => string.Join(' ', p.Identifiers.Select(i => i.Value.ToUpperInvariant())));
            (node.SecurityTargetObject is null ? DatabaseGrants : ObjectGrants).AddRange(permissions);
        }

        public override void Visit(AlterRoleStatement node) => RoleChanges++;

        public override void Visit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableStringList strings)
            {
                DynamicSql.Add(string.Concat(strings.Strings.OfType<StringLiteral>().Select(s => s.Value)));
            }
        }
    }
}
