using System.CommandLine;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log export-tiles &lt;dir&gt;</c>: the log as C2SP tlog-tiles static files.</summary>
internal static class ExportTilesCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Folder to write checkpoint, tile/… and tile/entries/… into" };
        var command = new Command("export-tiles", "Write the log as C2SP tlog-tiles static files (checkpoint, hash tiles, entry bundles)") { directory };
        Examples.Add(command, "outcomes log export-tiles ./tiles --ledger ./us-mx", "outcomes log verify-tiles ./tiles --key \"$(outcomes log public-key --ledger ./us-mx)\"");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var dir = context.Parse.GetRequiredValue(directory);
            try
            {
                var (checkpoint, files) = await TileExporter.ExportAsync(ledger.Store, dir, null, ct);
                if (context.Json)
                {
                    context.WriteJson(new TilesExported(Path.GetFullPath(dir), checkpoint.Size, files), CliJsonContext.Output.TilesExported);
                }
                else
                {
                    context.Output.WriteLine($"Exported {files} files for {checkpoint.Size} entries to {Path.GetFullPath(dir)}.");
                }
            }
            catch (InvalidOperationException e)
            {
                throw CliError.Check(e.Message);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
