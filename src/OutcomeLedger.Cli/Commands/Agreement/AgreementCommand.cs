using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Agreement;

/// <summary><c>outcomes agreement</c>: the sets of commitments between parties.</summary>
internal static class AgreementCommand
{
    public static Command Create() => new("agreement", "Record and list agreements between parties") { AddCommand.Create(), ListCommand.Create() };
}
