using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Commitment;

/// <summary><c>outcomes commitment</c>: the promises drawn from statements.</summary>
internal static class CommitmentCommand
{
    public static Command Create() => new("commitment", "Record and list commitments") { AddCommand.Create(), ListCommand.Create() };
}
