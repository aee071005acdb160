using System.CommandLine;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Attest;

/// <summary>
/// <c>outcomes attest &lt;measurement&gt; --verdict …</c>: the other party or a verifier acknowledges, disputes (with its
/// own figure and reason), verifies or fails to verify a logged measurement; the disputer withdraws its dispute; the
/// two sides of a dispute agree a resolution (each states the same figure) or a verifier the policy names decides it.
/// </summary>
internal static class AttestCommand
{
    public static Command Create()
    {
        var measurement = new Argument<ulong>("measurement") { Description = "The measurement's entry (log index), as 'measure list' shows it" };
        var verdict = ValueOptions.Enum<Verdict>("--verdict", "The verdict on the measurement");
        var figure = ValueOptions.Decimal("--figure", "Your own figure (a dispute), or the figure that should stand (a resolution)");
        var reason = new Option<string?>("--reason") { Description = "Why (required for disputed, verification-failed and resolved)" };
        var evidence = new Option<string[]>("--evidence") { Description = "An evidence file (stored in the ledger's evidence store, cited by SHA-256; repeatable)", HelpName = "file" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("attest", "Acknowledge, dispute, verify, withdraw a dispute of or resolve a measurement, signed as --as with --key")
        {
            measurement, verdict, figure, reason, evidence, author, key,
        };
        Examples.Add(command,
            "outcomes attest 42 --verdict acknowledged --as mx --key mx.key",
            "outcomes attest 42 --verdict disputed --figure 1210 --reason \"our count of the same month\" --evidence count.pdf --as mx --key mx.key",
            "outcomes attest 42 --verdict withdrawn --reason \"our count missed a port\" --as mx --key mx.key",
            "outcomes attest 42 --verdict resolved --figure 1210 --reason \"joint review\" --as us --key us.key",
            "outcomes attest 42 --verdict resolved --figure 1210 --reason \"audit\" --as gao --key gao.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            await using var ledger = await context.OpenLedgerAsync(ct);
            var index = parse.GetValue(measurement);
            var measured = await ledger.Session.FindMeasurementAsync(index, ct)
                ?? throw CliError.Check($"entry {index} is not a measurement (see 'outcomes measure list --indicator <id>')");

            var authorId = new PartyId(parse.GetRequiredValue(author));
            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var hashes = await Evidence.PutAsync(ledger.Session, parse.GetValue(evidence) ?? [], "--evidence", ct);
            var record = new AttestationRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Measurement = index,
                Verdict = parse.GetValue(verdict),
                Figure = parse.GetValue(figure),
                Reason = parse.GetValue(reason),
                Evidence = hashes,
            };
            var result = await ledger.Session.RecordAsync(record, signingKey, ct);
            if (context.Json)
            {
                context.WriteJson(new { attestation = result.Index, measurement = index, verdict = record.Verdict, status = ValueOptions.Name(result.Status), evidence = hashes });
            }
            else
            {
                var m = measured.Record;
                context.Output.WriteLine($"'{ValueOptions.Name(record.Verdict)}' on entry {index} ({m.Indicator} {m.Period} = {ValueOptions.Format(m.Value)}, reported by {m.Author}) {Submission.Describe(result)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
