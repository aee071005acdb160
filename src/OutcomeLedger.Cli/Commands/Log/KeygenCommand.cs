using System.CommandLine;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>
/// <c>outcomes log keygen &lt;name&gt; --out &lt;file&gt;</c>: a new Ed25519 signed-note key pair for a log (or a witness).
/// The private key goes only to a new owner-only file, never to standard output, where a terminal's scrollback, a CI
/// log or a pipe would keep it; the verifier key, which is public, is printed.
/// </summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The key name, by convention the log's origin (e.g. example.com/log)" };
        var output = new Option<string?>("--out") { Description = "New file to write the private key to, owner-only (0600); an existing file is never replaced", HelpName = "file" };
        var witness = new Option<bool>("--witness") { Description = "A witness key (cosignature/v1, c2sp.org/tlog-cosignature) for 'outcomes witness', instead of a log key" };
        var command = new Command("keygen", "Write a new private key (PRIVATE+KEY+name+id+base64) to an owner-only file and print its verifier key (name+id+base64)")
        {
            name,
            output,
            witness,
        };
        Examples.Add(command,
            "outcomes log keygen example.org/log --out log.key > log.vkey",
            "outcomes log keygen witness.example.org/w1 --witness --out witness.key");
        CommandAction.Set(command, (context, _) =>
        {
            var keyName = context.Parse.GetRequiredValue(name);
            if (!NoteKeyName.IsValid(keyName))
            {
                throw CliError.Usage("the key name must be non-empty, without spaces, '+' or control characters");
            }

            var path = context.Parse.GetValue(output) is { } given && !OutputFile.IsStandardOutput(given)
                ? given
                : throw CliError.Usage("give --out <file>: the private key is written to a new owner-only file, never to standard output");
            if (File.Exists(path) || Directory.Exists(path))
            {
                throw CliError.Environment($"--out: '{path}' already exists; a key file is never replaced (move it away, or choose another name)");
            }

            // c2sp.org/signed-note: Ed25519 keys, type 0x01 (cosignature/v1 witness keys: type 0x04); the private key is Go's note format.
            using var key = SignerKey.Generate(keyName, context.Parse.GetValue(witness) ? NoteKeyType.CosignatureV1 : NoteKeyType.Ed25519);
            KeyFile.WriteSecret(path, key.FormatPrivate());
            var verifierKey = key.VerifierKey.ToString();
            if (context.Json)
            {
                context.WriteJson(new LogKeyGenerated(keyName, $"{key.KeyId:x8}", verifierKey, Path.GetFullPath(path)), CliJsonContext.Output.LogKeyGenerated);
            }
            else
            {
                context.Output.WriteLine(verifierKey);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
