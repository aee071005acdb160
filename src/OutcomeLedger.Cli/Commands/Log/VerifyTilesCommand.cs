using System.CommandLine;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Hashing.IpsecMb;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>
/// <c>outcomes log verify-tiles &lt;dir-or-url-prefix&gt; --key &lt;vkey&gt;</c>: verifies any c2sp.org/tlog-tiles log in a
/// folder or over HTTP(S): the checkpoint's signature, every entry bundle re-hashed, every hash tile, the root.
/// </summary>
internal static class VerifyTilesCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("dir-or-url-prefix") { Description = "The log's folder, or the http(s) URL prefix its checkpoint and tile/ paths are under" };
        var key = new Option<string>("--key") { Description = "The log's verifier key (name+keyid+base64)", Required = true };
        var origin = new Option<string?>("--origin") { Description = "Also require the checkpoint to name this origin" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each HTTP response", DefaultValueFactory = _ => HttpTileReader.DefaultTimeoutSeconds };
        var maxSize = new Option<ulong>("--max-size") { Description = "Refuse checkpoints of more entries than this", DefaultValueFactory = _ => TiledLogVerifier.DefaultMaxTreeSize };
        var command = new Command("verify-tiles", "Verify a whole tiled transparency log against its signed checkpoint")
        {
            source,
            key,
            origin,
            timeout,
            maxSize,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(source), parse.GetRequiredValue(key), parse.GetValue(origin), parse.GetValue(timeout), parse.GetValue(maxSize),
            parse.InvocationConfiguration));
        return command;
    }

    static int Run(string source, string keyText, string? origin, int timeoutSeconds, ulong maxSize, InvocationConfiguration console)
    {
        const string Name = "outcomes log verify-tiles";
        if (keyText.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal))
        {
            // Never echo it: say only what it is.
            console.Error.WriteLine($"{Name}: --key is a private key; give the log's verifier key (name+keyid+base64)");
            return ExitCodes.Usage;
        }

        if (!VerifierKey.TryParse(keyText, out var key, out var keyError))
        {
            console.Error.WriteLine($"{Name}: --key: {keyError.Message}");
            return ExitCodes.Usage;
        }

        if (timeoutSeconds is < 1 or > 3600)
        {
            console.Error.WriteLine($"{Name}: --timeout must be 1 to 3600 seconds");
            return ExitCodes.Usage;
        }

        Func<string, byte[]?> read;
        HttpTileReader? http = null;
        if (source.Contains("://", StringComparison.Ordinal))
        {
            if (!HttpTileReader.TryCreate(source, TimeSpan.FromSeconds(timeoutSeconds), out http, out var urlError))
            {
                console.Error.WriteLine($"{Name}: {urlError}");
                return ExitCodes.Usage;
            }

            read = http.Read;
        }
        else if (Directory.Exists(source))
        {
            read = new DirectoryTileReader(source).Read;
        }
        else
        {
            console.Error.WriteLine($"{Name}: no such folder: {source}");
            return ExitCodes.Environment;
        }

        using (http)
        {
            TiledLogCheck check;
            try
            {
                check = new TiledLogVerifier(key.CreateVerifier(), origin, maxSize) { Sha256 = Sha256Choice.FromEnvironment().Hasher }.Verify(read);
            }
            catch (IOException e)
            {
                console.Error.WriteLine($"{Name}: {e.Message}");
                return ExitCodes.Environment;
            }

            if (check.IsValid)
            {
                console.Output.WriteLine(check.Message);
                return ExitCodes.Ok;
            }

            console.Error.WriteLine($"invalid: {check.File}: {check.Message}");
            return ExitCodes.CheckFailed;
        }
    }
}
