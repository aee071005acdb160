using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Ledger;

/// <summary><c>outcomes ledger rebuild</c>: replays the log and replaces the projection tables with what it gives.</summary>
internal static class RebuildCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild", "Rebuild the projection tables from the log (the log is never changed)");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var rebuilt = await ledger.Session.RebuildProjectionAsync(ct);
            if (context.Json)
            {
                context.WriteJson(new ProjectionRebuilt(rebuilt.Entries, rebuilt.Rows, rebuilt.RowsThatDiffered), CliJsonContext.Output.ProjectionRebuilt);
            }
            else
            {
                context.Output.WriteLine($"Rebuilt {rebuilt.Rows} projection rows from {rebuilt.Entries} entries ({rebuilt.RowsThatDiffered} differed from the live projection).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
