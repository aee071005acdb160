using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OutcomeLedger.Api.Features.Witness;

namespace OutcomeLedger.Host;

/// <summary>
/// Runs a tlog-witness that is not a log (<see cref="WitnessServer"/>) until its cancellation token or a shutdown signal
/// stops it.
/// </summary>
public static class WitnessHost
{
    /// <summary>Serves add-checkpoint; writes where it listens, its verifier key and its logs to <paramref name="output"/> once it does.</summary>
    public static async Task RunAsync(WitnessServeOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var app = WitnessServer.Build(new WitnessServerOptions
        {
            Key = options.Key,
            Logs = options.Logs,
            StateFolder = options.StateFolder,
            Urls = options.Urls,
            LogFormat = options.JsonLogs ? Api.ServerLogFormat.Json : Api.ServerLogFormat.Text,
            Metrics = options.Metrics,
        });
        await using (app)
        {
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            await output.WriteLineAsync($"Witness {options.Key.VerifierKey} on {string.Join(", ", addresses)} (Ctrl+C to stop)");
            foreach (var log in options.Logs)
            {
                await output.WriteLineAsync($"cosigns {log.Name} ({log})");
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }
    }
}
