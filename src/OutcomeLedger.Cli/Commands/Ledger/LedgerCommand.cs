using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Ledger;

/// <summary><c>outcomes ledger</c>: maintenance of the queryable projection.</summary>
internal static class LedgerCommand
{
    public static Command Create() => new("ledger", "Maintain the ledger: rebuild its projection, back it up, restore it") { RebuildCommand.Create(), BackupCommand.Backup(), BackupCommand.Restore() };
}
