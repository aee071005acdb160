using System.CommandLine;
using System.Net;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Witness;

/// <summary>
/// <c>outcomes witness &lt;log-url&gt;</c>: the client side of c2sp.org/tlog-witness for a log an OutcomeLedger server
/// serves. Fetches the checkpoint, checks the log's signature and a consistency proof from the last checkpoint this
/// witness cosigned (kept in a state file), cosigns it (c2sp.org/tlog-cosignature, cosignature/v1) and hands the
/// cosignature back to the log, which serves it with its checkpoint from then on. A rolled-back or inconsistent
/// checkpoint is refused and the state left as it was.
/// </summary>
internal static class WitnessCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("log-url") { Description = "The log server's base URL (its /checkpoint, /api/v1/consistency and cosignature endpoint are under it)" };
        var logKey = new Option<string>("--log-key") { Description = "The log's verifier key (name+keyid+base64), e.g. from 'outcomes log public-key'", Required = true, HelpName = "vkey" };
        var key = new Option<string?>("--key") { Description = "File with the witness's cosignature/v1 private key ('outcomes log keygen <name> --witness'); default: $OUTCOMES_WITNESS_KEY", HelpName = "file" };
        var state = new Option<string>("--state") { Description = "The witness state file: the last checkpoint cosigned for each log it witnesses", DefaultValueFactory = _ => "witness-state.json", HelpName = "file" };
        var once = new Option<bool>("--once") { Description = "Witness once and exit (the default)" };
        var interval = new Option<int?>("--interval") { Description = "Keep witnessing, every this many seconds, until stopped or a check fails", HelpName = "seconds" };
        var token = new Option<string?>("--token") { Description = "Bearer token for a private log; default: $OUTCOMES_TOKEN", HelpName = "token" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each HTTP response", DefaultValueFactory = _ => 30 };
        var command = new Command("witness", "Cosign a remote log's checkpoints after checking they are consistent with the last one cosigned")
        {
            url,
            logKey,
            key,
            state,
            once,
            interval,
            token,
            timeout,
        };
        command.Subcommands.Add(WitnessServeCommand.Create());
        Examples.Add(command,
            "outcomes log keygen witness.example.org/w1 --witness --out witness.key   # once: prints the verifier key for the log's witnesses.txt",
            "outcomes witness https://ledger.example.org --log-key \"$(cat log.vkey)\" --key witness.key --state us-mx.witness.json",
            "outcomes witness http://127.0.0.1:5080 --log-key \"$(cat log.vkey)\" --key witness.key --interval 60");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            if (parse.GetValue(once) && parse.GetValue(interval) is not null)
            {
                throw CliError.Usage("give --once or --interval, not both");
            }

            if (parse.GetValue(interval) is { } seconds && seconds is < 1 or > 86_400)
            {
                throw CliError.Usage("--interval must be 1 to 86400 seconds");
            }

            if (parse.GetValue(timeout) is < 1 or > 3600)
            {
                throw CliError.Usage("--timeout must be 1 to 3600 seconds");
            }

            var logKeyText = parse.GetRequiredValue(logKey);
            if (logKeyText.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal))
            {
                throw CliError.Usage("--log-key is a private key; give the log's verifier key (name+keyid+base64)");
            }

            if (!VerifierKey.TryParse(logKeyText.Trim(), out var logVerifier, out var logKeyError))
            {
                throw CliError.Usage($"--log-key: {logKeyError.Message}");
            }

            using var witnessKey = LoadWitnessKey(parse.GetValue(key));
            using var log = RemoteLog.TryCreate(parse.GetRequiredValue(url), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(token) ?? Environment.GetEnvironmentVariable("OUTCOMES_TOKEN"))
                ?? throw CliError.Usage("the log URL must be an absolute http:// or https:// URL without query or fragment");
            var witness = new RemoteLogWitness(log, logVerifier, witnessKey.CreateSigner(TimeProvider.System), new WitnessStateFile(parse.GetRequiredValue(state)));
            if (parse.GetValue(interval) is not { } every)
            {
                Report(context, await witness.WitnessAsync(ct));
                return ExitCodes.Ok;
            }

            while (true)
            {
                try
                {
                    Report(context, await witness.WitnessAsync(ct));
                }
                catch (IOException e)
                {
                    // The log may be down for a while: say so and try again; only a failed check stops a witness.
                    await context.Error.WriteLineAsync("error: " + e.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(every), ct);
            }
        });
        return command;
    }

    internal static SignerKey LoadWitnessKey(string? path)
    {
        string text;
        try
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("OUTCOMES_WITNESS_KEY");
            text = !string.IsNullOrEmpty(path) ? KeyFile.ReadSecret(path)
                : !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment
                : throw CliError.Usage("no witness key: pass --key <file> or set OUTCOMES_WITNESS_KEY");
        }
        catch (Exception e) when (e is FileNotFoundException or UnauthorizedAccessException or InvalidDataException or IOException)
        {
            throw CliError.Environment(e.Message);
        }

        // Never echo the key: say only what is wrong with it.
        if (!SignerKey.TryParse(text.Split('\n')[0].Trim(), out var key, out var error))
        {
            throw CliError.Usage($"the witness key is not a signed-note private key ({error.Kind})");
        }

        if (key.Type != NoteKeyType.CosignatureV1)
        {
            key.Dispose();
            throw CliError.Usage("the witness key is not a cosignature/v1 key: make one with 'outcomes log keygen <name> --witness'");
        }

        return key;
    }

    static void Report(CommandContext context, WitnessOutcome outcome)
    {
        if (context.Json)
        {
            context.WriteJson(outcome);
            return;
        }

        var what = outcome.Cosigned ? "cosigned" : "already cosigned";
        var basis = outcome.PreviousSize is { } previous
            ? previous == outcome.Size ? "no new entries" : $"consistent with size {previous}, the last cosigned"
            : "first contact: trusted on first use, with no earlier checkpoint to check it against";
        var stored = outcome.Cosigned ? outcome.LogStatus == (int)HttpStatusCode.NoContent ? "; the log stores and serves the cosignature" : "" : "";
        context.Output.WriteLine($"{what} {outcome.Origin} at size {outcome.Size} ({basis}){stored}");
    }
}
