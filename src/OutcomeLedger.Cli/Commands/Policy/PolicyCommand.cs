using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Policy;

/// <summary><c>outcomes policy</c>: an agreement's evaluation rules, logged so they cannot change silently.</summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "Set an agreement's evaluation policy") { SetCommand.Create() };
}
