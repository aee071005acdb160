using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Key;

/// <summary><c>outcomes key</c>: signing keys for the parties' analysts.</summary>
internal static class KeyCommand
{
    public static Command Create() => new("key", "Create and inspect Ed25519 signing keys") { GenerateCommand.Create(), ShowCommand.Create() };
}
