using System.CommandLine;
using System.Globalization;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>
/// <c>outcomes log verify-receipt &lt;receipt&gt; --key &lt;vkey&gt; [--entry &lt;file&gt;] [--witness &lt;vkey&gt;…]</c>: checks a
/// receipt from <c>outcomes log prove</c> offline (no ledger, no network) and says in plain words what it proved
/// (<see cref="ReceiptCheck"/>): the checkpoint's signature, the trusted witnesses' cosignatures, and with the entry's
/// bytes, that they are the entry at the receipt's index. A receipt that proves less than it claims exits 1 with one line.
/// </summary>
internal static class VerifyReceiptCommand
{
    /// <summary>Largest entry file read: entries are bounded far below this.</summary>
    const int MaxEntryBytes = 1 << 20;

    public static Command Create()
    {
        var receipt = new Argument<string>("receipt") { Description = "The receipt file, as 'outcomes log prove --out' writes it" };
        var key = new Option<string>("--key") { Description = "The log's verifier key (name+keyid+base64, as 'outcomes log public-key' prints it), or a file holding it", Required = true, HelpName = "vkey" };
        var entry = new Option<string?>("--entry") { Description = "The entry's bytes (its canonical DSSE envelope), to prove it is the entry the receipt names", HelpName = "file" };
        var witnesses = new Option<string[]>("--witness") { Description = "A witness's verifier key, or a file holding it, whose cosignature the checkpoint must carry (repeatable)", HelpName = "vkey" };
        var command = new Command("verify-receipt", "Check a receipt from 'log prove' offline and say what it proves") { receipt, key, entry, witnesses };
        Examples.Add(command,
            "outcomes log verify-receipt entry-42.proof --key \"$(cat log.vkey)\" --entry entry-42.json",
            "outcomes log verify-receipt entry-42.proof --key log.vkey --entry entry-42.json --witness mx-witness.vkey");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var logKey = ReadKey("--key", parse.GetRequiredValue(key));
            var witnessKeys = (parse.GetValue(witnesses) ?? []).Select(w => ReadKey("--witness", w)).ToList();
            var receiptBytes = await ReadAsync(parse.GetRequiredValue(receipt), "receipt", TlogProof.MaxSize, ct);
            var entryPath = parse.GetValue(entry);
            var entryBytes = entryPath is null ? null : await ReadAsync(entryPath, "--entry", MaxEntryBytes, ct);
            var check = ReceiptCheck.Of(receiptBytes, logKey, witnessKeys, entryBytes);
            if (!check.IsValid)
            {
                throw CliError.Check(check.Message);
            }

            if (context.Json)
            {
                context.WriteJson(
                    new ReceiptVerified(
                        Valid: true,
                        check.Index,
                        check.Checkpoint!.Origin,
                        check.Checkpoint.TreeSize,
                        check.Checkpoint.RootHash.ToBase64(),
                        check.LogTime,
                        check.Cosigners,
                        check.UnknownSignatures,
                        EntryProven: entryBytes is not null,
                        check.LeafHash?.ToHex(),
                        check.Record?.Kind,
                        check.Record?.Author.Value),
                    CliJsonContext.Output.ReceiptVerified);
                return ExitCodes.Ok;
            }

            var text = context.Text;
            var checkpoint = check.Checkpoint!;
            var output = context.Output;
            output.WriteLine(TextCatalogue.Fill(text.ReceiptCheckpoint, ("log", logKey.Name), ("origin", checkpoint.Origin), ("size", ValueOptions.Format(checkpoint.TreeSize)), ("root", checkpoint.RootHash.ToBase64())));
            if (check.LogTime is { } time)
            {
                output.WriteLine(TextCatalogue.Fill(text.ReceiptLogTime, ("time", time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))));
            }

            output.WriteLine(check.Cosigners.Count > 0
                ? TextCatalogue.Fill(text.ReceiptCosigned, ("witnesses", string.Join(", ", check.Cosigners)))
                : TextCatalogue.Fill(text.ReceiptNoWitness, ("option", "--witness")));
            if (check.UnknownSignatures > 0)
            {
                output.WriteLine(text.ReceiptUnknownSignatures.Of(check.UnknownSignatures));
            }

            var index = ValueOptions.Format(check.Index!.Value);
            if (entryBytes is null)
            {
                output.WriteLine(TextCatalogue.Fill(text.ReceiptNoEntry, ("index", index), ("option", "--entry")));
                return ExitCodes.Ok;
            }

            output.WriteLine(TextCatalogue.Fill(text.ReceiptEntryProven, ("index", index), ("file", Path.GetFileName(entryPath!)), ("hash", check.LeafHash!.Value.ToHex())));
            if (check.Record is { } record)
            {
                output.WriteLine(TextCatalogue.Fill(text.ReceiptEntryIs, ("kind", record.Kind), ("author", record.Author.Value), ("recorded", record.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // A verifier key given as its text, or as a file holding it (as 'log public-key' writes it).
    static VerifierKey ReadKey(string option, string value)
    {
        var text = File.Exists(value) ? File.ReadAllText(value).Trim() : value.Trim();
        if (text.StartsWith("PRIVATE+KEY+", StringComparison.Ordinal))
        {
            throw CliError.Usage($"{option} is a private key; give the verifier key (name+keyid+base64)");
        }

        return VerifierKey.TryParse(text, out var key, out var error)
            ? key
            : throw CliError.Usage($"{option}: {error.Message}");
    }

    static async Task<byte[]> ReadAsync(string path, string what, int maxBytes, CancellationToken cancellationToken)
    {
        InputFile.Require(path, $"{what}: file ");
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw CliError.Check($"{what}: {path} has {length} bytes; at most {maxBytes} are read");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }
}
