using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Key;

/// <summary>
/// <c>outcomes key show --key &lt;file&gt; [--public]</c>: the public key and key id of a key file (never the private
/// key); with <c>--public</c> just the public key line, which a party sends the operator to be registered with
/// <c>party add --public-key</c>.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var key = CommonOptions.Key();
        var publicOnly = new Option<bool>("--public") { Description = "Print only the public key line (base64), as party add --public-key takes it" };
        var command = new Command("show", "Print the public key and key id of a signing key") { key, publicOnly };
        Examples.Add(command,
            "outcomes key show --key mx.key",
            "outcomes party add mx --name Mexico --role party --public-key \"$(outcomes key show --key mx.key --public)\" --ledger ./us-mx");
        CommandAction.Set(command, (context, _) =>
        {
            using var signing = CommandContext.LoadSigningKey(context.Parse.GetValue(key));
            var publicKey = Convert.ToBase64String(signing.PublicKey);
            if (context.Json)
            {
                context.WriteJson(new KeyShown(publicKey, signing.KeyId), CliJsonContext.Output.KeyShown);
            }
            else if (context.Parse.GetValue(publicOnly))
            {
                context.Output.WriteLine(publicKey);
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
