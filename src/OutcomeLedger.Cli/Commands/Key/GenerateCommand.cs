using System.CommandLine;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Key;

/// <summary><c>outcomes key generate --out &lt;file&gt;</c>: a new signing key in an owner-only file; prints only the public key.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "File to write the private key to (created with owner-only permissions; must not exist)", Required = true, HelpName = "file" };
        var command = new Command("generate", "Create a new Ed25519 signing key") { output };
        Examples.Add(command, "outcomes key generate --out us.key");
        CommandAction.Set(command, (context, _) =>
        {
            var path = context.Parse.GetRequiredValue(output);
            if (OutputFile.IsStandardOutput(path))
            {
                throw CliError.Usage("--out -: a private key is written only to an owner-only file, never to standard output");
            }

            if (File.Exists(path))
            {
                throw CliError.Usage($"'{path}' already exists; a key file is never overwritten");
            }

            using var key = SigningKey.Generate();
            KeyFile.WriteSigningKey(path, key);
            var publicKey = Convert.ToBase64String(key.PublicKey);
            if (context.Json)
            {
                context.WriteJson(new KeyGenerated(path, publicKey, key.KeyId), CliJsonContext.Output.KeyGenerated);
            }
            else
            {
                context.Output.WriteLine($"Wrote {path} (owner-only).");
                context.Output.WriteLine($"Public key: {publicKey}");
                context.Output.WriteLine($"Key id:     {key.KeyId}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
