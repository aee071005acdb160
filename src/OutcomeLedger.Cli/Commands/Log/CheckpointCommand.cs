using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log checkpoint</c>: the latest signed checkpoint (a C2SP signed note), exactly as stored.</summary>
internal static class CheckpointCommand
{
    public static Command Create()
    {
        var command = new Command("checkpoint", "Print the latest signed checkpoint");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var checkpoint = await ledger.Store.GetLatestCheckpointAsync(ct) ?? throw CliError.Check("the log has no checkpoint yet");
            if (context.Json)
            {
                context.WriteJson(new LogCheckpoint(ledger.Origin, checkpoint.Size, checkpoint.Root.ToBase64(), checkpoint.Note), CliJsonContext.Output.LogCheckpoint);
            }
            else
            {
                context.Output.Write(checkpoint.Note);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
