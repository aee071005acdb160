using System.CommandLine;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Attest;

/// <summary>
/// <c>outcomes attest &lt;measurement&gt; --verdict …</c>: the other party or a verifier acknowledges, disputes (with its
/// own figure and reason), verifies or fails to verify a logged measurement; the disputer withdraws its dispute; the
/// two sides of a dispute agree a resolution (each states the same figure) or a verifier the policy names decides it.
/// <c>outcomes attest --indicator X --from P --to Q [--dim k=v] --verdict …</c> gives one verdict to every current value
/// of the indicator in the range, all or nothing (<see cref="LedgerSession.AttestByPeriodAsync(PeriodAttestationRequest, IReadOnlyList{Core.Import.ImportFile}, Core.Entries.SigningKey, CancellationToken)"/>).
/// </summary>
internal static class AttestCommand
{
    public static Command Create()
    {
        var measurement = new Argument<ulong?>("measurement") { Description = "The measurement's entry (log index), as 'measure list' shows it; or give --indicator, --from and --to", Arity = ArgumentArity.ZeroOrOne };
        var indicator = new Option<string?>("--indicator") { Description = "Attest every current value of this indicator from --from to --to (instead of one entry)" };
        var from = ValueOptions.Period("--from", "The first period of the range (with --indicator)");
        var to = ValueOptions.Period("--to", "The last period of the range (with --indicator)");
        var dimensions = new Option<string[]>("--dim") { Description = "Only values with this dimension value, name=value (with --indicator; repeatable)", HelpName = "name=value" };
        var verdict = ValueOptions.Enum<Verdict>("--verdict", "The verdict on the measurement");
        var figure = ValueOptions.Decimal("--figure", "Your own figure (a dispute), or the figure that should stand (a resolution)");
        var reason = new Option<string?>("--reason") { Description = "Why (required for disputed, verification-failed and resolved)" };
        var evidence = new Option<string[]>("--evidence") { Description = "An evidence file (stored in the ledger's evidence store, cited by SHA-256; repeatable)", HelpName = "file" };
        var author = CommonOptions.As();
        var key = CommonOptions.Key();
        var command = new Command("attest", "Acknowledge, dispute, verify, withdraw a dispute of or resolve a measurement, or a range of an indicator's values, signed as --as with --key")
        {
            measurement, indicator, from, to, dimensions, verdict, figure, reason, evidence, author, key,
        };
        Examples.Add(command,
            "outcomes attest 42 --verdict acknowledged --as mx --key mx.key",
            "outcomes attest --indicator sw-border-fentanyl-seizures --from 2026-01 --to 2026-06 --verdict acknowledged --as mx --key mx.key",
            "outcomes attest --indicator seizures --from 2026-01 --to 2026-03 --dim drug=fentanyl --verdict disputed --figure 0 --reason \"our count\" --as mx --key mx.key",
            "outcomes attest 42 --verdict disputed --figure 1210 --reason \"our count of the same month\" --evidence count.pdf --as mx --key mx.key",
            "outcomes attest 42 --verdict withdrawn --reason \"our count missed a port\" --as mx --key mx.key",
            "outcomes attest 42 --verdict resolved --figure 1210 --reason \"joint review\" --as us --key us.key",
            "outcomes attest 42 --verdict resolved --figure 1210 --reason \"audit\" --as gao --key gao.key");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            var index = parse.GetValue(measurement);
            var byPeriod = parse.GetValue(indicator) is not null || parse.GetValue(from) is not null || parse.GetValue(to) is not null || (parse.GetValue(dimensions)?.Length ?? 0) > 0;
            if (index is null && !byPeriod)
            {
                throw CliError.Usage("give a measurement's entry, or --indicator with --from and --to");
            }

            if (index is not null && byPeriod)
            {
                throw CliError.Usage("give either a measurement's entry or --indicator/--from/--to/--dim, not both");
            }

            if (byPeriod && (parse.GetValue(indicator) is null || parse.GetValue(from) is null || parse.GetValue(to) is null))
            {
                throw CliError.Usage("attestation by period needs --indicator, --from and --to");
            }

            var pairs = ValueOptions.Pairs("--dim", parse.GetValue(dimensions));
            await using var ledger = await context.OpenLedgerAsync(ct);
            var authorId = new PartyId(parse.GetRequiredValue(author));
            if (index is null)
            {
                using var periodKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
                var request = new PeriodAttestationRequest
                {
                    Indicator = new IndicatorId(parse.GetValue(indicator)!),
                    From = parse.GetValue(from)!.Value,
                    To = parse.GetValue(to)!.Value,
                    Dimensions = pairs,
                    Author = authorId,
                    Verdict = parse.GetValue(verdict),
                    Figure = parse.GetValue(figure),
                    Reason = parse.GetValue(reason),
                };
                Write(context, request, await ledger.Session.AttestByPeriodAsync(request, Evidence.Files(parse.GetValue(evidence) ?? [], "--evidence"), periodKey, ct));
                return ExitCodes.Ok;
            }

            var measured = await ledger.Session.FindMeasurementAsync(index.Value, ct)
                ?? throw CliError.Check($"entry {index} is not a measurement (see 'outcomes measure list --indicator <id>')");

            using var signingKey = await AuthorKey.LoadAsync(context, key, authorId, ledger, ct);
            var files = Evidence.Files(parse.GetValue(evidence) ?? [], "--evidence");
            var (result, record) = await ledger.Session.RecordAsync(files, hashes => new AttestationRecord
            {
                Author = authorId,
                RecordedAt = ledger.Session.Now(),
                Measurement = index.Value,
                Verdict = parse.GetValue(verdict),
                Figure = parse.GetValue(figure),
                Reason = parse.GetValue(reason),
                Evidence = hashes,
            }, signingKey, ct);
            var hashes = record.Evidence;
            if (context.Json)
            {
                context.WriteJson(new AttestationWritten(result.Index, index, record.Verdict, ValueOptions.Name(result.Status), hashes), CliJsonContext.Output.AttestationWritten);
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

    static void Write(CommandContext context, PeriodAttestationRequest request, PeriodAttestationReport report)
    {
        if (context.Json)
        {
            context.WriteJson(
                new PeriodAttested(
                    report.Indicator.Id.Value,
                    request.From.ToString(),
                    request.To.ToString(),
                    ValueOptions.Name(report.Verdict),
                    report.CheckpointSize,
                    report.Attested.Select(a => new PeriodValueAttested(
                        a.Attestation, a.Measurement.Index, a.Measurement.Record.Period.ToString(), a.Measurement.Record.Dimensions, a.Measurement.Record.Value)),
                    report.AlreadyAttested.Select(m => m.Index)),
                CliJsonContext.Output.PeriodAttested);
            return;
        }

        var text = context.Text;
        var (first, last) = (request.From.ToString(), request.To.ToString());
        if (report.Attested.Count == 0)
        {
            context.Output.WriteLine(TextCatalogue.Fill(text.AttestedNothingNew, ("indicator", report.Indicator.Id.Value), ("from", first), ("to", last), ("party", request.Author.Value)));
            return;
        }

        context.Output.WriteLine(TextCatalogue.Fill(
            text.AttestedByPeriod,
            ("verdict", text.VerdictName(report.Verdict)),
            ("values", text.ValuesCount.Of(report.Attested.Count)),
            ("indicator", report.Indicator.Id.Value),
            ("from", first),
            ("to", last),
            ("first", ValueOptions.Format(report.Attested.Min(a => a.Attestation))),
            ("last", ValueOptions.Format(report.Attested.Max(a => a.Attestation))),
            ("checkpoint", report.CheckpointSize is { } size ? ValueOptions.Format(size) : "-")));
        if (report.AlreadyAttested.Count > 0)
        {
            context.Output.WriteLine(TextCatalogue.Fill(text.AttestedAlready, ("values", text.ValuesCount.Of(report.AlreadyAttested.Count)), ("party", request.Author.Value)));
        }
    }
}
