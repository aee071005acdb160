using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Key;

/// <summary><c>outcomes key show --key &lt;file&gt;</c>: the public key and key id of a key file (never the private key).</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var key = CommonOptions.Key();
        var command = new Command("show", "Print the public key and key id of a signing key") { key };
        CommandAction.Set(command, (context, _) =>
        {
            using var signing = CommandContext.LoadSigningKey(context.Parse.GetValue(key));
            var publicKey = Convert.ToBase64String(signing.PublicKey);
            if (context.Json)
            {
                context.WriteJson(new { publicKey, keyId = signing.KeyId });
            }
            else
            {
                context.Output.WriteLine($"Public key: {publicKey}");
                context.Output.WriteLine($"Key id:     {signing.KeyId}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
