using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log</c>: the transparency log under the ledger, and checks of any tiled log.</summary>
internal static class LogCommand
{
    public static Command Create() => new("log", "The transparency log: checkpoints, keys, proofs and receipts, tiles, verification")
    {
        CheckpointCommand.Create(),
        PublicKeyCommand.Create(),
        ExportTilesCommand.Create(),
        VerifyCommand.Create(),
        ProveCommand.Create(),
        VerifyReceiptCommand.Create(),
        KeygenCommand.Create(),
        VerifyTilesCommand.Create(),
    };
}
