using System.CommandLine;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Cli.Commands.Serve;
#if !SERVER_ELSEWHERE
using OutcomeLedger.Host;
#endif

namespace OutcomeLedger.Cli.Commands.Witness;

/// <summary>
/// <c>outcomes witness serve</c>: a C2SP tlog-witness that is not a log. Logs POST <c>/add-checkpoint</c> to it with a
/// consistency proof; it cosigns (cosignature/v1) each checkpoint of a configured log that is consistent with the last
/// one it cosigned, and keeps that state durably in its <c>--state</c> folder. So a party or a newsroom can run just a
/// witness, for our logs or any other tlog-witness client.
/// </summary>
// c2sp.org/tlog-witness
internal static class WitnessServeCommand
{
    public static Command Create()
    {
        var key = new Option<string?>("--key") { Description = "File with the witness's cosignature/v1 private key ('outcomes log keygen <name> --witness'); default: $OUTCOMES_WITNESS_KEY", HelpName = "file" };
        var logs = new Option<string[]>("--log")
        {
            Description = "A log to cosign: <origin>=<its verifier key> (repeatable)",
            Required = true,
            HelpName = "origin=vkey",
        };
        var state = new Option<string>("--state") { Description = "Folder that keeps the latest checkpoint cosigned for each log", DefaultValueFactory = _ => "witness-state", HelpName = "folder" };
        var urls = new Option<string[]>("--urls")
        {
            Description = "Addresses to listen on (loopback by default)",
            DefaultValueFactory = _ => [DefaultUrl],
            AllowMultipleArgumentsPerToken = true,
            HelpName = "url",
        };
        var logFormat = OperationsOptions.LogFormat();
        var metrics = OperationsOptions.Metrics();
        var command = new Command("serve", "Run a tlog-witness (POST /add-checkpoint) for the logs given, keeping its state in a folder") { key, logs, state, urls, logFormat, metrics };
        Examples.Add(command,
            "outcomes log keygen witness.example.org/w1 --witness --out w.key   # once: prints the verifier key logs configure",
            "outcomes witness serve --key w.key --log \"ledger.example.org/us-mx=$(cat log.vkey)\" --state ./w1-state --urls http://0.0.0.0:5090");
#if SERVER_ELSEWHERE
        // The server's own program checks the options again and serves; this one only hands it the command line.
        CommandAction.Set(command, (context, ct) =>
            ServerProgram.RunAsync(ServerProgram.Locate(AppContext.BaseDirectory), System.Environment.GetCommandLineArgs()[1..], ct));
#else
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var verifiers = new List<VerifierKey>();
            foreach (var text in parse.GetValue(logs) ?? [])
            {
                var log = ParseLog(text);
                if (verifiers.Any(v => v.Name == log.Name && v.KeyId == log.KeyId))
                {
                    throw CliError.Usage($"--log {log.Name} is given twice");
                }

                verifiers.Add(log);
            }

            if (verifiers.Count == 0)
            {
                throw CliError.Usage("give at least one --log <origin>=<verifier key>");
            }

            var options = new WitnessServeOptions
            {
                Key = WitnessCommand.LoadWitnessKey(parse.GetValue(key)),
                Logs = verifiers,
                StateFolder = parse.GetRequiredValue(state),
                Urls = parse.GetRequiredValue(urls),
                JsonLogs = parse.GetValue(logFormat) == "json",
                Metrics = parse.GetValue(metrics),
            };
            try
            {
                await WitnessHost.RunAsync(options, context.Output, ct);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or InvalidDataException)
            {
                throw CliError.Environment(e.Message);
            }

            return ExitCodes.Ok;
        });
#endif
        return command;
    }

    /// <summary>Loopback only, unless told otherwise (the host's own default, which the AOT program cannot see).</summary>
    internal const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>"&lt;origin&gt;=&lt;vkey&gt;", whose key must be named after the origin (a checkpoint's signature names its log), or the vkey alone.</summary>
    internal static VerifierKey ParseLog(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal) || trimmed.Contains("=PRIVATE+KEY+", StringComparison.Ordinal))
        {
            throw CliError.Usage("--log takes the log's verifier key, not a private key");
        }

        if (VerifierKey.TryParse(trimmed, out var alone, out _))
        {
            return Ed25519Log(alone);
        }

        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw CliError.Usage($"--log takes <origin>=<verifier key>, not '{trimmed}'");
        }

        var origin = trimmed[..equals];
        if (!VerifierKey.TryParse(trimmed[(equals + 1)..], out var key, out var error))
        {
            throw CliError.Usage($"--log {origin}: {error.Message}");
        }

        return key.Name == origin
            ? Ed25519Log(key)
            : throw CliError.Usage($"--log {origin}: the verifier key is named '{key.Name}'; a log's key is named after its origin");
    }

    static VerifierKey Ed25519Log(VerifierKey key) => key.Type == NoteKeyType.Ed25519
        ? key
        : throw CliError.Usage($"--log {key.Name}: a log signs its checkpoints with an Ed25519 key, not a cosignature/v1 key");
}
