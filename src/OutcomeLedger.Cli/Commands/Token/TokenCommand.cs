using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Token;

/// <summary><c>outcomes token</c>: API tokens for the server's write endpoints (stored as SHA-256 hashes only).</summary>
internal static class TokenCommand
{
    public static Command Create() => new("token", "Create, list and revoke API tokens for writing through the server")
    {
        CreateCommand.Create(),
        ListCommand.Create(),
        RevokeCommand.Create(),
    };
}
