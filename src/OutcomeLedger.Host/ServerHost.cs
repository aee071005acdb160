using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OutcomeLedger.Api;
using OutcomeLedger.Api.Features.Witnesses;
using OutcomeLedger.Hashing.IpsecMb;

using OutcomeLedger.Storage;

namespace OutcomeLedger.Host;

/// <summary>
/// The one entry to the web server: opens the ledger through Storage, builds the Api's server with the batch SHA-256
/// the environment chooses (<see cref="Sha256Choice"/>), and serves until its cancellation token or a
/// shutdown signal (Ctrl+C, SIGTERM) stops it, letting the batch in flight finish.
/// </summary>
public static class ServerHost
{
    /// <summary>
    /// Serves the ledger; writes where it listens to <paramref name="output"/> once it does. A ledger, key file or
    /// database that cannot be opened throws before anything listens (the message names the file, never its content).
    /// </summary>
    public static async Task RunAsync(ServeOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var app = await LedgerServer.BuildAsync(new LedgerServerOptions
        {
            Ledger = options.Ledger,
            Urls = options.Urls,
            WritesPerMinute = options.WritesPerMinute,
            DelegatedKeys = options.DelegatedKeys,
            DelegatedKeyFolder = options.DelegatedKeyFolder,
            EvidenceFolder = options.EvidenceFolder,
            DataProtectionKeys = options.DataProtectionKeys,
            Certificate = options.Tls is { } tls ? TlsCertificate.Load(tls.Certificate, tls.Key) : null,
            TrustedProxies = options.TrustedProxies,
            Private = options.Private,
            Witnesses = [.. options.Witnesses.Select(w => LogWitness.TryParse(w, out var witness, out var error) ? witness : throw new ArgumentException($"--witness: {error}", nameof(options)))],
            WitnessQuorum = options.WitnessQuorum,
            Metrics = options.Metrics,
            MaxCheckpointAge = options.MaxCheckpointAge,
            LogFormat = options.JsonLogs ? ServerLogFormat.Json : ServerLogFormat.Text,
            Sha256 = Sha256Choice.FromEnvironment(),
        }, cancellationToken);
        await using (app)
        {
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var served = app.Services.GetRequiredService<ServedLedger>();
            await output.WriteLineAsync($"Serving {served.Origin} on {string.Join(", ", addresses)} (Ctrl+C to stop)");
            await output.WriteLineAsync($"sha256: {served.Sha256.Description}");
            await app.WaitForShutdownAsync(cancellationToken);
        }
    }
}
