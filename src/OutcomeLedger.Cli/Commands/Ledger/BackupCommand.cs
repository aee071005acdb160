using System.CommandLine;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Ledger;

/// <summary>
/// <c>outcomes ledger backup &lt;file&gt;</c> and <c>outcomes ledger restore &lt;file&gt; --to &lt;folder&gt;</c>: a SQLite
/// ledger folder as one owner-only tar file (a consistent copy while a server writes) and back.
/// </summary>
internal static class BackupCommand
{
    public static Command Backup()
    {
        var file = new Argument<string>("file") { Description = "The backup file to write (a tar; must not exist yet)" };
        var command = new Command("backup", "Copy the ledger folder (database, keys, tokens, witness state, evidence) into one owner-only tar file") { file };
        Examples.Add(command, "outcomes ledger backup us-mx-2026-12-03.tar --ledger ./us-mx");
        CommandAction.Set(command, async (context, ct) =>
        {
            var folder = context.LedgerLocation;
            if (LedgerFolder.LooksLikeConnectionString(folder))
            {
                throw CliError.Usage("a PostgreSQL ledger is backed up with pg_dump, not this command (docs/deploy/backup.md)");
            }

            var target = context.Parse.GetRequiredValue(file);
            LedgerBackupSummary summary;
            try
            {
                summary = await LedgerBackup.WriteAsync(folder, target, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliError.Environment($"backup not written: {e.Message}");
            }

            Report(context, "backup", target, summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Restore()
    {
        var file = new Argument<string>("file") { Description = "A backup written by `outcomes ledger backup`" };
        var to = new Option<string>("--to") { Description = "The new ledger folder (must not exist, or be empty)", Required = true, HelpName = "folder" };
        var command = new Command("restore", "Restore a backup into a new ledger folder; then `outcomes log verify` checks it") { file, to };
        Examples.Add(command, "outcomes ledger restore us-mx-2026-12-03.tar --to ./us-mx-restored", "outcomes log verify --ledger ./us-mx-restored");
        CommandAction.Set(command, async (context, ct) =>
        {
            var source = context.Parse.GetRequiredValue(file);
            if (!File.Exists(source))
            {
                throw CliError.Environment($"backup file '{source}' does not exist");
            }

            var folder = context.Parse.GetRequiredValue(to);
            LedgerBackupSummary summary;
            try
            {
                summary = await LedgerBackup.RestoreAsync(source, folder, ct);
            }
            catch (InvalidDataException e)
            {
                throw CliError.Check(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliError.Environment($"nothing restored: {e.Message}");
            }

            Report(context, "restore", folder, summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    static void Report(CommandContext context, string action, string where, LedgerBackupSummary summary)
    {
        if (context.Json)
        {
            context.WriteJson(new LedgerBackedUp(action, where, summary.Files, summary.Bytes, summary.Size, summary.Root?.ToString()), CliJsonContext.Output.LedgerBackedUp);
            return;
        }

        var log = summary.Root is { } root ? $"the log of {summary.Size} entries, root {root}" : "an empty log";
        context.Output.WriteLine(action == "backup"
            ? $"Backed up {summary.Files} files ({summary.Bytes:N0} bytes) to {where}: {log}. It holds private keys: keep it as you keep them."
            : $"Restored {summary.Files} files ({summary.Bytes:N0} bytes) into {where}: {log}. Check it with `outcomes log verify --ledger {where}`.");
    }
}
