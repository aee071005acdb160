using System.CommandLine;
using OutcomeLedger.Cli.Commands.Measure;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Commands.Import;

/// <summary>
/// <c>outcomes verify-source cbp|cdc|csv</c>: the other party or an independent verifier re-derives an indicator's
/// values from the agency's published file with the importer's own rules, and signs what matches and disputes what
/// does not (<see cref="LedgerSession.VerifySourceAsync"/>).
/// </summary>
internal static class SourceCheckCommand
{
    const int DifferencesShown = 20;

    public static Command Create() => new("verify-source", "Re-derive an indicator's logged values from the published file: sign what matches, dispute what differs (all or nothing)")
    {
        CbpCommand.Create(SourceUse.Verify), CdcCommand.Create(SourceUse.Verify), CsvCommand.Create(SourceUse.Verify),
    };

    public static async Task<int> RunAsync(CommandContext context, ImportSettings settings, SourceFormat format, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var paths = parse.GetRequiredValue(settings.Files);
        var request = new SourceVerificationRequest
        {
            Indicator = new IndicatorId(parse.GetRequiredValue(settings.Indicator)),
            Author = settings.Author(parse),
            Files = settings.InputFiles(parse),
            Format = format,
            Mapping = settings.Mapping(parse),
            Url = parse.GetValue(settings.Url),
            DryRun = parse.GetValue(settings.DryRun),
        };

        await using var ledger = await context.OpenLedgerAsync(cancellationToken);
        await ledger.Session.RequireIndicatorAsync(request.Indicator, cancellationToken);
        using var key = await AuthorKey.LoadAsync(context, settings.Key, request.Author, ledger, cancellationToken);
        var report = await ledger.Session.VerifySourceAsync(request, key, cancellationToken);
        if (!report.Succeeded)
        {
            foreach (var error in report.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }

            var rows = report.Errors.Select(e => (e.File, e.Line)).Distinct().Count();
            throw CliError.Check($"{report.Errors.Count} problem{(report.Errors.Count == 1 ? "" : "s")} in {rows} row{(rows == 1 ? "" : "s")} of {string.Join(", ", paths)}; nothing was attested");
        }

        if (context.Json)
        {
            context.WriteJson(
                new SourcesChecked(
                    report.Indicator.Id.Value,
                    report.DryRun,
                    report.CheckpointSize,
                    report.Read.Sources.Select(s => new SourceFileChecked(s.FileName, s.Sha256?.ToHex())),
                    report.Checks.Select(c => new SourceValueChecked(
                        c.Value.Index,
                        c.Value.Record.Period.ToString(),
                        c.Value.Record.Dimensions,
                        c.Value.Record.Value,
                        c.Derived,
                        ValueOptions.Name(c.Outcome),
                        c.File,
                        c.Line,
                        c.Attestation)),
                    report.NotLogged.Select(r => new SourceValueNotLogged(r.Period.ToString(), r.Dimensions, r.Value, r.Source.FileName, r.Source.Line))),
                CliJsonContext.Output.SourcesChecked);
            return ExitCodes.Ok;
        }

        Write(context, context.Text, request, report);
        return ExitCodes.Ok;
    }

    static void Write(CommandContext context, TextCatalogue text, SourceVerificationRequest request, SourceVerificationReport report)
    {
        var output = context.Output;
        static string Range(IEnumerable<Period> periods)
        {
            var list = periods.Distinct().Order().ToList();
            return list.Count == 0 ? "" : list.Count == 1 ? list[0].ToString() : $"{list[0]}–{list[^1]}";
        }

        output.WriteLine(TextCatalogue.Fill(text.SourceCheckHeading,
            ("party", request.Author.Value),
            ("values", text.ValuesCount.Of(report.Checks.Count)),
            ("indicator", report.Indicator.Id.Value),
            ("periods", Range(report.Checks.Select(c => c.Value.Record.Period))),
            ("files", string.Join(", ", report.Read.Sources.Select(s => $"{s.FileName} (SHA-256 {s.Sha256?.ToHex()})")))));
        var matches = report.Checks.Where(c => c.Outcome == SourceCheckOutcome.Matches).ToList();
        if (matches.Count > 0)
        {
            var verdict = text.VerdictName(report.MatchVerdict);
            output.WriteLine(TextCatalogue.Fill(text.SourceCheckMatches, ("values", text.ValuesCount.Of(matches.Count)), ("verdict", verdict)));
        }

        var differs = report.Checks.Where(c => c.Outcome == SourceCheckOutcome.Differs).ToList();
        if (differs.Count > 0)
        {
            output.WriteLine(TextCatalogue.Fill(text.SourceCheckDiffers, ("values", text.ValuesCount.Of(differs.Count))));
            foreach (var c in differs.Take(DifferencesShown))
            {
                var dimensions = MeasurementStatus.Dimensions(c.Value.Record.Dimensions);
                output.WriteLine(TextCatalogue.Fill(text.SourceCheckDifference,
                    ("period", c.Value.Record.Period.ToString()),
                    ("dimensions", dimensions.Length == 0 ? "" : " " + dimensions),
                    ("logged", ValueOptions.Format(c.Value.Record.Value)),
                    ("file", ValueOptions.Format(c.Derived!.Value)),
                    ("where", $"{c.File}:{c.Line}"),
                    ("entry", ValueOptions.Format(c.Value.Index))));
            }
        }

        var already = report.Count(SourceCheckOutcome.AlreadyAttested);
        if (already > 0)
        {
            output.WriteLine(TextCatalogue.Fill(text.SourceCheckAlready, ("values", text.ValuesCount.Of(already)), ("party", request.Author.Value)));
        }

        var missing = report.Checks.Where(c => c.Outcome == SourceCheckOutcome.NotInFile).ToList();
        if (missing.Count > 0)
        {
            output.WriteLine(TextCatalogue.Fill(text.SourceCheckNotInFile, ("values", text.ValuesCount.Of(missing.Count)), ("periods", Range(missing.Select(c => c.Value.Record.Period)))));
        }

        if (report.NotLogged.Count > 0)
        {
            output.WriteLine(TextCatalogue.Fill(text.SourceCheckNotLogged, ("values", text.ValuesCount.Of(report.NotLogged.Count)), ("periods", Range(report.NotLogged.Select(r => r.Period)))));
        }

        var logged = report.Checks.Where(c => c.Attestation is not null).Select(c => c.Attestation!.Value).ToList();
        if (report.DryRun)
        {
            output.WriteLine(text.SourceCheckDryRun);
        }
        else if (logged.Count == 0)
        {
            output.WriteLine(text.SourceCheckNothingNew);
        }
        else
        {
            output.WriteLine(TextCatalogue.Fill(text.SourceCheckLogged,
                ("first", ValueOptions.Format(logged.Min())), ("last", ValueOptions.Format(logged.Max())),
                ("checkpoint", report.CheckpointSize is { } size ? ValueOptions.Format(size) : "-")));
        }
    }

}
