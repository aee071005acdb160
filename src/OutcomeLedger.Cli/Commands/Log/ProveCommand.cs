using System.CommandLine;
using System.Text;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log prove &lt;index&gt;</c>: a C2SP tlog-proof@v1 receipt of one entry at the latest checkpoint.</summary>
internal static class ProveCommand
{
    public static Command Create()
    {
        var index = new Argument<ulong>("index") { Description = "The entry's log index" };
        var output = new Option<string?>("--out") { Description = "Write the receipt to this file (- or none: standard output)", HelpName = "file" };
        var command = new Command("prove", "Write a tlog-proof receipt: the entry's inclusion proof and the signed checkpoint") { index, output };
        Examples.Add(command, "outcomes log prove 42 --out entry-42.proof --ledger ./us-mx");
        CommandAction.Set(command, async (context, ct) =>
        {
            await using var ledger = await context.OpenLedgerAsync(ct);
            var checkpoint = await ledger.Store.GetLatestCheckpointAsync(ct) ?? throw CliError.Check("the log has no checkpoint yet");
            var i = context.Parse.GetValue(index);
            if (i >= checkpoint.Size)
            {
                throw CliError.Usage($"entry {i} is not in the log (it has {checkpoint.Size} entries)");
            }

            var reader = await StoredTiles.ReaderAsync(ledger.Store, checkpoint.Size, ct);
            if (!SignedNote.TryParse(Encoding.UTF8.GetBytes(checkpoint.Note), out var note, out var error))
            {
                throw CliError.Check($"the stored checkpoint does not parse: {error}");
            }

            var receipt = TlogProof.Create(reader, i, note).ToBytes();
            var path = context.Parse.GetValue(output);
            if (path is not null && !OutputFile.IsStandardOutput(path))
            {
                await File.WriteAllBytesAsync(path, receipt, ct);
                context.Output.WriteLine(context.Json ? $"{{\"index\":{i},\"size\":{checkpoint.Size},\"file\":\"{path}\"}}" : $"Wrote the receipt of entry {i} at size {checkpoint.Size} to {path}.");
            }
            else
            {
                await context.Output.WriteAsync(Encoding.UTF8.GetString(receipt));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
