using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Party;

/// <summary><c>outcomes party</c>: the governments and verifiers that write to the ledger.</summary>
internal static class PartyCommand
{
    public static Command Create() => new("party", "Register and list parties (governments, verifiers)") { AddCommand.Create(), ListCommand.Create(), PartyKeyCommand.Create() };
}
