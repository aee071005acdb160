using System.CommandLine;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>
/// <c>outcomes log verify</c>: re-hashes every leaf, re-checks every entry, recomputes every tile, checks every
/// checkpoint and that the projection is what a replay gives; exit 0 when all match, 1 naming the first entry, tile or checkpoint that does not. Says which SHA-256
/// hashed the batches (intel-ipsec-mb's multi-buffer one, or .NET's and why).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Check the stored log against its own hashes, signatures and checkpoints");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var result = await ledger.Session.VerifyLogAsync(null, ct);
            if (context.Json)
            {
                context.WriteJson(new LogVerified(result.IsValid, result.Entries, result.Tiles, result.Checkpoints, result.ProjectionRows, result.FirstFailure, context.Sha256.Description), CliJsonContext.Output.LogVerified);
            }
            else if (result.IsValid)
            {
                context.Output.WriteLine($"valid: {result.Entries} entries, {result.Tiles} tiles and {result.Checkpoints} checkpoints match; the {result.ProjectionRows} projection rows are what the log gives");
                context.Output.WriteLine($"sha256: {context.Sha256.Description}");
            }
            else
            {
                context.Error.WriteLine($"invalid: {result.FirstFailure}");
            }

            return result.IsValid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }
}
