using System.CommandLine;
#if !SERVER_ELSEWHERE
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Host;
#endif

namespace OutcomeLedger.Cli.Commands.Serve;

/// <summary>
/// <c>outcomes serve</c>: the ledger's HTTP API, log tiles, witness endpoint and dashboard. Listens on loopback unless
/// told otherwise; on Ctrl+C or SIGTERM it stops taking entries and finishes the batch in flight.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = "Addresses to listen on (else $ASPNETCORE_URLS, else appsettings.json's Kestrel:Endpoints or Urls in the ledger or working folder, else loopback 127.0.0.1:5080; 0.0.0.0 or a public address only on purpose)",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "url",
        };
        var writes = new Option<int>("--writes-per-minute") { Description = "Writes one client address may make per minute", DefaultValueFactory = _ => 120 };
        var delegated = new Option<string[]>("--delegated-key")
        {
            Description = "A party's signing key the dashboard's forms sign with: <party>=<owner-only key file> (repeatable)",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "party=file",
        };
        var delegatedFolder = new Option<string?>("--delegated-keys") { Description = "A folder of owner-only <party>.key files the dashboard's forms sign with", HelpName = "folder" };
        var evidence = new Option<string?>("--evidence")
        {
            Description = "A folder for evidence files (default: the ledger folder's blobs/, or a PostgreSQL ledger's database)",
            HelpName = "folder",
        };
        var dataProtection = new Option<string?>("--data-protection-keys")
        {
            Description = "A folder for the keys that protect the dashboard's sign-in cookies (default: the ledger folder's data-protection/)",
            HelpName = "folder",
        };
        var certificate = new Option<string?>("--certificate") { Description = "PEM certificate (chain) that https:// addresses serve; with --certificate-key", HelpName = "file" };
        var certificateKey = new Option<string?>("--certificate-key") { Description = "The certificate's PEM private key (owner-only)", HelpName = "file" };
        var trustProxy = new Option<string[]>("--trust-proxy")
        {
            Description = "A reverse proxy (address or network, e.g. 127.0.0.1 or 10.0.0.0/8) whose X-Forwarded-For/-Proto are believed (repeatable)",
            HelpName = "address",
        };
        var witnesses = new Option<string[]>("--witness")
        {
            Description = "A tlog-witness to submit every new checkpoint to: <url>=<its cosignature/v1 verifier key> (repeatable; also the ledger folder's witness-urls.txt)",
            HelpName = "url=vkey",
        };
        var quorum = new Option<int>("--witness-quorum") { Description = "Serve a new checkpoint on /checkpoint only once this many witnesses cosigned it", HelpName = "n" };
        var isPrivate = new Option<bool>("--private") { Description = "Every read (API, pages, tiles, checkpoint) needs a valid token of any role; reads are public otherwise" };
        var metrics = OperationsOptions.Metrics();
        var logFormat = OperationsOptions.LogFormat();
        var maxCheckpointAge = OperationsOptions.MaxCheckpointAge();
        var command = new Command("serve", "Serve the ledger over HTTP: JSON API, tlog-tiles, witness, dashboard") { urls, writes, isPrivate, delegated, delegatedFolder, evidence, dataProtection, certificate, certificateKey, trustProxy, witnesses, quorum, metrics, logFormat, maxCheckpointAge };
        Examples.Add(command, "outcomes serve --ledger ./outcomes-demo", "outcomes serve --ledger ./us-mx --urls http://127.0.0.1:8080",
            "outcomes serve --ledger ./outcomes-demo --delegated-keys ./outcomes-demo/keys", "outcomes serve --ledger ./us-mx --private",
            "outcomes serve --ledger ./us-mx --witness \"http://127.0.0.1:5090=$(cat w1.vkey)\" --witness \"https://witness.example.org=$(cat w2.vkey)\" --witness-quorum 1");
#if SERVER_ELSEWHERE
        // The server's own program checks the options again and serves; this one only hands it the command line.
        CommandAction.Set(command, (context, ct) =>
            ServerProgram.RunAsync(ServerProgram.Locate(AppContext.BaseDirectory), System.Environment.GetCommandLineArgs()[1..], ct));
#else
        CommandAction.Set(command, async (context, ct) =>
        {
            var delegatedKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in context.Parse.GetValue(delegated) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || equals == pair.Length - 1 || !delegatedKeys.TryAdd(pair[..equals], pair[(equals + 1)..]))
                {
                    throw CliError.Usage($"--delegated-key takes <party>=<key file> once per party, not '{pair}'");
                }
            }

            foreach (var witness in context.Parse.GetValue(witnesses) ?? [])
            {
                if (ServeOptions.CheckWitness(witness) is { } problem)
                {
                    throw CliError.Usage($"--witness: {problem}");
                }
            }

            if (context.Parse.GetValue(quorum) < 0)
            {
                throw CliError.Usage("--witness-quorum must be 0 or more");
            }

            var maxAge = OperationsOptions.ParseDuration(context.Parse.GetValue(maxCheckpointAge), "--max-checkpoint-age");
            var options = new ServeOptions
            {
                Witnesses = context.Parse.GetValue(witnesses) ?? [],
                WitnessQuorum = context.Parse.GetValue(quorum),
                DelegatedKeys = delegatedKeys,
                DelegatedKeyFolder = context.Parse.GetValue(delegatedFolder),
                EvidenceFolder = context.Parse.GetValue(evidence),
                DataProtectionKeys = context.Parse.GetValue(dataProtection),
                Tls = Tls(context.Parse.GetValue(certificate), context.Parse.GetValue(certificateKey), context.Parse.GetValue(urls) ?? []),
                TrustedProxies = [.. (context.Parse.GetValue(trustProxy) ?? []).Select(Proxy)],
                Ledger = context.LedgerLocation,
                Urls = context.Parse.GetValue(urls) is { Length: > 0 } given ? given : null,
                WritesPerMinute = context.Parse.GetValue(writes),
                Private = context.Parse.GetValue(isPrivate),
                Metrics = context.Parse.GetValue(metrics),
                JsonLogs = context.Parse.GetValue(logFormat) == "json",
                MaxCheckpointAge = maxAge,
            };
            try
            {
                await ServerHost.RunAsync(options, context.Output, ct);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException or InvalidDataException or LedgerStoreUnavailableException)
            {
                // Key file problems name the file, never its content; database problems never carry a password.
                throw CliError.Environment(e.Message);
            }

            return ExitCodes.Ok;
        });
#endif
        return command;
    }

    /// <summary>Loopback only, unless told otherwise (the server's own default, which the AOT program cannot see).</summary>
    internal const string DefaultUrl = "http://127.0.0.1:5080";
#if !SERVER_ELSEWHERE

    static (string, string)? Tls(string? certificate, string? key, string[] urls)
    {
        if ((certificate is null) != (key is null))
        {
            throw CliError.Usage("--certificate and --certificate-key go together");
        }

        if (certificate is null && urls.Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
        {
            throw CliError.Usage("an https:// address needs --certificate and --certificate-key (PEM files)");
        }

        return certificate is null ? null : (certificate, key!);
    }

    static System.Net.IPNetwork Proxy(string value) =>
        System.Net.IPNetwork.TryParse(value.Contains('/', StringComparison.Ordinal) ? value : value + (value.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out var network)
            ? network
            : throw CliError.Usage($"--trust-proxy: '{value}' is not an IP address or network (e.g. 127.0.0.1, 10.0.0.0/8)");
#endif
}
