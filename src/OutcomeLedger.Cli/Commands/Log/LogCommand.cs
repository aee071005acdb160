using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log</c>: the transparency log's keys, files and checks.</summary>
internal static class LogCommand
{
    public static Command Create() => new("log", "Work with a transparency log: keys, tiles, checks")
    {
        KeygenCommand.Create(),
        VerifyTilesCommand.Create(),
    };
}
