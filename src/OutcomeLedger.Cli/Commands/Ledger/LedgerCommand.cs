using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Ledger;

/// <summary><c>outcomes ledger</c>: maintenance of the queryable projection.</summary>
internal static class LedgerCommand
{
    public static Command Create() => new("ledger", "Maintain the ledger's queryable projection") { RebuildCommand.Create() };
}
