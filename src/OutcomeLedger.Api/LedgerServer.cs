using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Features.Attestations;
using OutcomeLedger.Api.Features.Commitments;
using OutcomeLedger.Api.Features.Dashboard;
using OutcomeLedger.Api.Features.Diff;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Api.Features.Exports;
using OutcomeLedger.Api.Features.Health;
using OutcomeLedger.Api.Features.Imports;
using OutcomeLedger.Api.Features.Indicators;
using OutcomeLedger.Api.Features.Log;
using OutcomeLedger.Api.Features.Measurements;
using OutcomeLedger.Api.Features.Metrics;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Review;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Api.Features.SourceChecks;
using OutcomeLedger.Api.Features.Statements;
using OutcomeLedger.Api.Features.Witness;
using OutcomeLedger.Api.Features.Witnesses;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Hashing.IpsecMb;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api;

/// <summary>Builds the web server of one ledger: used by <c>outcomes serve</c> and by the tests, on a real Kestrel.</summary>
public static class LedgerServer
{
    /// <summary>Opens the ledger (and its sequencer) and builds the server; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    public static async Task<WebApplication> BuildAsync(LedgerServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Read first: a key file others can read stops the server before it opens the ledger.
        var delegated = DelegatedKeys.Load(new DelegatedKeyFiles(options.DelegatedKeys, options.DelegatedKeyFolder));
        ServedLedger ledger;
        try
        {
            ledger = await ServedLedger.OpenAsync(options.Ledger, options.Sha256 ?? Sha256Choice.FromEnvironment(), options.EvidenceFolder, options.Time, cancellationToken);
        }
        catch
        {
            delegated.Dispose();
            throw;
        }

        List<LogWitness> witnesses;
        try
        {
            witnesses = Witnesses(options, ledger);
        }
        catch
        {
            delegated.Dispose();
            await ledger.DisposeAsync();
            throw;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LedgerServer).Assembly.GetName().Name, Args = [] });
        var listen = ListenAddresses.Resolve(options.Urls, Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), ListenAddresses.Settings(ledger.Folder.Path, builder.Configuration));
        if (listen.KestrelSection is null)
        {
            if (options.Certificate is null && listen.Urls.Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                await ledger.DisposeAsync();
                delegated.Dispose();
                throw new InvalidDataException($"an https:// address (from {listen.Source}) needs a certificate: --certificate and --certificate-key (PEM files)");
            }

            builder.WebHost.UseUrls([.. listen.Urls]);

            // These addresses, not the Kestrel endpoints of an appsettings.json lower in the order.
            builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "true");
        }

        // The slim builder leaves HTTPS out unless asked for.
        builder.WebHost.UseKestrelHttpsConfiguration();
        ServerLogging.Configure(builder, options.LogFormat);
        // Its data-protection keys sit unencrypted in an owner-only folder, as the ledger's private keys do: no warning
        // at every start for what is the deployment's choice.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            if (listen.KestrelSection is { } endpoints)
            {
                kestrel.Configure(endpoints);
            }

            if (options.Certificate is { } certificate)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });
        // Let the batch in flight finish on shutdown.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        // Created by a factory so the container disposes it after the hosted services stopped.
        services.AddSingleton(_ => ledger);
        services.AddSingleton(_ => new CheckpointCache(ledger, options.Time, options.WitnessQuorum, [.. witnesses.Select(w => w.Key)]));
        services.AddSingleton(s => new LedgerMetrics(ledger, s.GetRequiredService<SubmissionBacklog>(), options.Time));
        if (options.Metrics)
        {
            services.AddSingleton(s => new PrometheusExporter(s.GetRequiredService<LedgerMetrics>().Meter));
        }

        services.AddSingleton(s => new WitnessPusher(ledger, s.GetRequiredService<CheckpointCache>(), witnesses, options.WitnessTimeout, s.GetRequiredService<ILogger<WitnessPusher>>(), s.GetRequiredService<LedgerMetrics>()));
        if (witnesses.Count > 0)
        {
            services.AddHostedService(s => s.GetRequiredService<WitnessPusher>());
        }

        services.AddSingleton(_ => new CheckpointWatch(options.Time));
        services.AddSingleton(new WriteAccess(ledger.Folder.Tokens));
        services.AddSingleton(_ => CheckpointWitness.Open(ledger.Folder, options.Time));
        services.AddSingleton(_ => delegated);
        services.AddDashboard();
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            // A ledger served over HTTPS on an address of its own asks for HTTPS there too.
            hsts.ExcludedHosts.Clear();
        });
        if ((options.DataProtectionKeys ?? (ledger.Folder.Path is { } folder ? Path.Combine(folder, "data-protection") : null)) is { } keys)
        {
            services.AddDataProtection().SetApplicationName("OutcomeLedger").PersistKeysToFileSystem(OwnerOnlyDirectory(keys));
        }

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ol_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            // The dashboard's pages send their own frame-ancestors policy and X-Frame-Options.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.AddSubmissions(ledger);
        services.AddProblemDetails();
        services.AddOpenApi(openApi => openApi.AddSchemaTransformer(OpenApiSchemas.TransformAsync).AddDocumentTransformer((document, _, _) =>
        {
            // The document describes the API, not one deployment: no server addresses (they differ per host and port).
            document.Servers = [];
            document.Info.Title = "OutcomeLedger";
            document.Info.Description = "Commitments judged by results, on a tamper-evident transparency log.";
            OpenApiOperations.Transform(document);
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            foreach (var converter in RecordJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }

            // The records' converters name their own enums; every other enum the API answers with is named the same way.
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, ct) =>
            {
                var problem = ApiProblem.Create(StatusCodes.Status429TooManyRequests, "Too many writes", $"at most {options.WritesPerMinute} writes a minute from one address");
                await problem.ExecuteAsync(rejected.HttpContext);
            };
            limiter.AddPolicy(EntryEndpoints.WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var app = builder.Build();
        if (options.TrustedProxies.Count > 0)
        {
            // Only the proxies named: a client cannot pick its own address (rate limits) or claim HTTPS by a header.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        // Under HTTPS (direct, or at a trusted proxy) only.
        app.UseHsts();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own refusals (a body over the limit) keep their status; anything else is a 500 without details.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseUnversionedApiRedirect();
        app.UseLedgerErrors();
        app.UseHeadAsGet();
        // Routing after the HEAD rewrite (WebApplication would otherwise route first, and HEAD would find no endpoint).
        app.UseRouting();
        if (options.Metrics)
        {
            // Creates the exporter before the first batch, so no measurement is missed.
            app.Services.GetRequiredService<PrometheusExporter>();
            app.UseRequestMetrics();
        }

        app.UseAccessTokenLookup();
        if (options.Private)
        {
            app.UsePrivateReads();
        }

        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealth();
        if (options.Metrics)
        {
            app.MapMetrics();
        }

        // Every JSON endpoint under one versioned prefix; the log's C2SP paths, health, metrics and pages stay at the root.
        var api = app.MapApi();
        app.MapLog(api);
        app.MapWitness(api);
        api.MapCosignatures();
        api.MapEntries();
        api.MapParties();
        api.MapStatements();
        api.MapCommitments();
        api.MapIndicators();
        api.MapMeasurements();
        api.MapAttestations();
        api.MapReview();
        api.MapImports();
        api.MapSourceChecks();
        api.MapScorecards();
        api.MapExports();
        api.MapDiff();
        app.MapDashboard();

        // Once it listens, the ledger folder says who holds it and where writes go (what a refused command prints).
        app.Lifetime.ApplicationStarted.Register(() =>
            ledger.Folder.AnnounceWriter([.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []]));
        return app;
    }

    // The witnesses of --witness and of the folder's witness-urls.txt, each once; a quorum no set of them can reach is refused.
    static List<LogWitness> Witnesses(LedgerServerOptions options, ServedLedger ledger)
    {
        var listed = ledger.Folder.Path is { } folder ? LogWitness.ReadFile(Path.Combine(folder, LogWitness.FileName)) : [];
        var witnesses = new List<LogWitness>();
        foreach (var witness in options.Witnesses.Concat(listed))
        {
            if (!witnesses.Any(w => w.Key.Equals(witness.Key)))
            {
                witnesses.Add(witness);
            }
        }

        if (options.WitnessQuorum < 0 || options.WitnessQuorum > witnesses.Count)
        {
            throw new InvalidDataException($"a witness quorum of {options.WitnessQuorum} needs at least that many witnesses; {witnesses.Count} configured");
        }

        return witnesses;
    }

    static DirectoryInfo OwnerOnlyDirectory(string path) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
