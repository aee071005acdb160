using System.Threading.RateLimiting;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Api.Features.Metrics;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>
/// A witness process that is not a log: the tlog-witness <c>POST /add-checkpoint</c> (the same
/// <see cref="CheckpointWitness"/> a ledger server answers it with), <c>GET /api/v1/witness</c> (its key and logs) and
/// <c>GET /healthz</c>, and <c>GET /metrics</c> when asked for, nothing else. Its state is a <see cref="WitnessStateFile"/> in its own folder, replaced atomically
/// under an inter-process lock before any cosignature leaves, so a restart, or a second process on the same folder,
/// never cosigns two views of one log.
/// </summary>
// c2sp.org/tlog-witness
public static class WitnessServer
{
    /// <summary>Builds the server; start it with <c>StartAsync</c> or <c>RunAsync</c>. Creates the state folder (owner-only) if needed.</summary>
    public static WebApplication Build(WitnessServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Logs.Count == 0)
        {
            throw new ArgumentException("a witness needs at least one log to witness", nameof(options));
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(options.StateFolder);
        }
        else
        {
            Directory.CreateDirectory(options.StateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var witness = CheckpointWitness.Create(options.Key, options.Logs, WitnessStateFile.InFolder(options.StateFolder), options.Time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(WitnessServer).Assembly.GetName().Name, Args = [] });
        builder.WebHost.UseUrls([.. options.Urls]);
        ServerLogging.Configure(builder, options.LogFormat);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = WitnessEndpoints.MaxBody;
        });
        builder.Services.AddSingleton(_ => witness);
        builder.Services.AddProblemDetails();
        if (options.Metrics)
        {
            builder.Services.AddSingleton<WitnessMetrics>();
            builder.Services.AddSingleton(s => new PrometheusExporter(s.GetRequiredService<WitnessMetrics>().Meter));
        }

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(EntryEndpoints.WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseUnversionedApiRedirect();
        app.UseRouting();
        if (options.Metrics)
        {
            // Created before the first request, so no measurement is missed.
            app.Services.GetRequiredService<PrometheusExporter>();
            app.UseRequestMetrics(app.Services.GetRequiredService<WitnessMetrics>().Request);
        }

        app.UseRateLimiter();
        app.MapGet("/healthz", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text("alive\n");
        });
        app.MapWitness(app.MapApi());
        if (options.Metrics)
        {
            app.MapMetrics();
        }

        return app;
    }
}
