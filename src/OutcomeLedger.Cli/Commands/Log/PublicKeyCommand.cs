using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log public-key</c>: the log's verifier key in signed-note form (name+hash+base64).</summary>
internal static class PublicKeyCommand
{
    public static Command Create()
    {
        var command = new Command("public-key", "Print the log's verifier key, for checking its checkpoints");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            if (context.Json)
            {
                context.WriteJson(new LogPublicKey(ledger.Origin, ledger.LogVerifierKey.ToString()), CliJsonContext.Output.LogPublicKey);
            }
            else
            {
                context.Output.WriteLine(ledger.LogVerifierKey.ToString());
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
