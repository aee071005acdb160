using System.CommandLine;
using System.Diagnostics;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Tiles;
using OutcomeLedger.Export;
using OutcomeLedger.Pack;
using OutcomeLedger.Storage;
using Spectre.Console;

namespace OutcomeLedger.Cli.Commands.Demo;

/// <summary>
/// <c>outcomes demo</c>: from nothing to a verified scorecard on real published figures. Builds a SQLite ledger
/// from the shipped data, evaluates it, writes the scorecard (HTML, JSON, Markdown) and the C2SP tiles, verifies
/// both, and prints where everything is. The folder is an ordinary ledger: every command works on it.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultFolder = "outcomes-demo";

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to create the demo ledger in", DefaultValueFactory = _ => DefaultFolder, HelpName = "folder" };
        var force = new Option<bool>("--force") { Description = "Replace an existing demo ledger in that folder" };
        var command = new Command("demo", "Build a ledger from real U.S.–Mexico data, evaluate it and write a verified scorecard") { output, force };
        Examples.Add(command, "outcomes demo", "outcomes demo --out /tmp/demo --lang es --force");
        CommandAction.Set(command, (context, ct) => RunAsync(context, context.Parse.GetRequiredValue(output), context.Parse.GetValue(force), context.Language, ct));
        return command;
    }

    static async Task<int> RunAsync(CommandContext context, string folder, bool force, ScorecardLanguage language, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        PrepareFolder(folder, force);
        var data = DemoData.Locate();
        var full = Path.GetFullPath(folder);

        await using var ledger = await LedgerFolder.CreateAsync(folder, "outcomes-demo.example/us-mx-security", null, context.Sha256.Hasher, cancellationToken);
        var scenario = new DemoScenario(data, ledger.Session.Now());
        using var operatorKey = SigningKey.Generate();
        using var us = SigningKey.Generate();
        using var mx = SigningKey.Generate();
        using var verifier = SigningKey.Generate();
        KeyFile.WriteSigningKey(Path.Combine(ledger.KeysPath, "operator.key"), operatorKey);
        KeyFile.WriteSigningKey(Path.Combine(ledger.KeysPath, "us.key"), us);
        KeyFile.WriteSigningKey(Path.Combine(ledger.KeysPath, "mx.key"), mx);
        KeyFile.WriteSigningKey(Path.Combine(ledger.KeysPath, "verifier.key"), verifier);

        var session = ledger.Session;
        var sequencer = await session.SequencerAsync(cancellationToken);
        var now = session.Now();
        PartyRecord Party(PartyId id, string name, PartyRole role, SigningKey key) =>
            new() { Author = DemoScenario.Operator, RecordedAt = now, Id = id, Name = name, Role = role, Keys = [Convert.ToBase64String(key.PublicKey)] };

        await SubmitAsync(sequencer, [EntryCodec.Sign(Party(DemoScenario.Operator, "Demo ledger operator", PartyRole.Operator, operatorKey), operatorKey)], cancellationToken);
        await SubmitAsync(sequencer,
        [
            EntryCodec.Sign(Party(DemoScenario.Us, "United States", PartyRole.Party, us), operatorKey),
            EntryCodec.Sign(Party(DemoScenario.Mx, "México", PartyRole.Party, mx), operatorKey),
            EntryCodec.Sign(Party(DemoScenario.Verifier, "Independent verifier (demo key)", PartyRole.Verifier, verifier), operatorKey),
        ], cancellationToken);
        var terms = await SubmitAsync(sequencer, [.. scenario.OperatorRecords().Select(r => EntryCodec.Sign(r, operatorKey))], cancellationToken);
        await SubmitAsync(sequencer, [.. scenario.UsMeasurements().Select(r => EntryCodec.Sign(r, us))], cancellationToken);
        var checks = new List<Core.Sessions.SourceVerificationReport>();
        foreach (var check in scenario.VerifierSourceChecks())
        {
            var report = await session.VerifySourceAsync(check, verifier, cancellationToken);
            checks.Add(report.Succeeded ? report : throw CliError.Check($"the verifier's check of '{check.Indicator}' did not read its file: {report.Errors[0]}"));
        }

        // Mexico's files go through the import use case, as 'outcomes import csv' takes them: the same rules, notes and evidence.
        var transfers = new List<(ulong Index, MeasurementRecord Record)>();
        foreach (var import in scenario.MxImports())
        {
            var report = await session.ImportMeasurementsAsync(import, mx, null, cancellationToken);
            if (!report.Succeeded)
            {
                throw CliError.Check($"the demo's '{import.Indicator}' data did not import ({report.Errors.Count} problems); first: {report.Errors[0]}");
            }

            if (import.Indicator == DemoScenario.Transfers)
            {
                transfers.AddRange(report.Planned.Where(p => p.Writes).Select((p, i) => (report.Results[i].Index!.Value, p.Record)));
            }
        }

        await SubmitAsync(sequencer, [.. scenario.UsAcknowledgements(transfers).Select(r => EntryCodec.Sign(r, us))], cancellationToken);

        var checkpoint = (await session.LatestCheckpointAsync(cancellationToken))!;
        var scorecard = await session.EvaluateAsync(DemoScenario.Agreement, checkpoint.Size, cancellationToken);
        var files = new Dictionary<string, string>();
        foreach (var format in new[] { "json", "html", "md" })
        {
            var path = Path.Combine(full, "scorecard." + format);
            await File.WriteAllBytesAsync(path, ScorecardFiles.Render(scorecard, format, language), cancellationToken);
            files[format] = path;
        }

        // The ministerial pack beside the scorecard, saying what changed since the agreement's terms were logged (before any value).
        var pack = Path.Combine(full, "pack.pdf");
        var document = await session.PackAsync(
            new PackRequest
            {
                Agreement = DemoScenario.Agreement,
                At = checkpoint.Size,
                Since = (terms[^1].Index!.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Language = language,
            },
            cancellationToken);
        await File.WriteAllBytesAsync(pack, PackPdf.Render(document, PackPaper.A4), cancellationToken);

        // The analysts' spreadsheet beside them: the summary and every value of every indicator, with its entry.
        var export = Path.Combine(full, "export.xlsx");
        var workbook = await session.ExportAsync(new ExportRequest { Agreement = DemoScenario.Agreement, At = checkpoint.Size, Language = language }, cancellationToken);
        await File.WriteAllBytesAsync(export, XlsxExport.Write(workbook), cancellationToken);

        var tiles = Path.Combine(full, "tiles");
        await TileExporter.ExportAsync(ledger.Store, tiles, null, cancellationToken);
        var tileCheck = new TiledLogVerifier(ledger.LogVerifierKey.CreateVerifier(), ledger.Origin) { Sha256 = context.Sha256.Hasher }
            .Verify(path => File.Exists(Path.Combine(tiles, path)) ? File.ReadAllBytes(Path.Combine(tiles, path)) : null);
        var logCheck = await session.VerifyLogAsync(null, cancellationToken);
        if (!tileCheck.IsValid || !logCheck.IsValid)
        {
            throw CliError.Check($"the demo's own log did not verify: {(tileCheck.IsValid ? logCheck.FirstFailure : tileCheck.ToString())}");
        }

        if (context.Json)
        {
            context.WriteJson(
                new DemoMade(
                    full,
                    checkpoint.Size,
                    checkpoint.Root.ToBase64(),
                    files,
                    pack,
                    export,
                    tiles,
                    Verified: true,
                    scorecard.Commitments.Select(c => new DemoCommitment(c.Id, c.Rating, c.Finding, c.Confirmation, c.Needs, c.Terms))),
                CliJsonContext.Output.DemoMade);
            return ExitCodes.Ok;
        }

        var text = TextCatalogue.For(language);
        var table = new Table().Title(Markup.Escape(text.DemoTitle))
            .AddColumns(
                Markup.Escape(text.Commitment),
                Markup.Escape(text.MadeOn),
                Markup.Escape(text.Terms),
                Markup.Escape(text.Rating),
                Markup.Escape(text.DataSays),
                Markup.Escape(text.ConfirmedAxis));
        foreach (var commitment in scorecard.Commitments)
        {
            table.AddRow(
                new Text(commitment.Id),
                new Text(commitment.MadeOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),

                // Honest about the terms: the demo's operator proposed them, and no government has accepted them.
                new Text(text.TermsSummary(commitment.Terms)),
                new Text(text.RatingName(commitment.Rating)),
                new Text(text.RatingName(commitment.Finding ?? commitment.Rating)),
                new Text(commitment.Confirmation is { } confirmation ? text.Confirmation(confirmation) : ""));
        }

        context.Console.Write(table);
        var output = context.Output;

        // What each commitment still needs and why it is rated so are sentences: one line each under the table, where
        // they read as sentences, rather than two narrow columns that wrap them a word or two a line.
        foreach (var commitment in scorecard.Commitments)
        {
            output.WriteLine();
            output.WriteLine(commitment.Id);
            output.WriteLine($"  {text.StillNeeds}: {text.Needs(commitment.Needs, AxisSentence.NamesIn(commitment))}");
            output.WriteLine($"  {text.Reason}: {text.Sentence(commitment.Reason)}");
        }

        string Count(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine();
        foreach (var check in checks)
        {
            output.WriteLine(TextCatalogue.Fill(text.DemoSourceCheck,
                ("values", text.ValuesCount.Of(check.Checks.Count)),
                ("indicator", check.Indicator.Id.Value),
                ("files", string.Join(", ", check.Read.Sources.Select(s => Path.GetFileName(s.FileName)))),
                ("matches", Count(check.Count(Core.Sessions.SourceCheckOutcome.Matches) + check.Count(Core.Sessions.SourceCheckOutcome.AlreadyAttested))),
                ("differs", Count(check.Count(Core.Sessions.SourceCheckOutcome.Differs)))));
        }

        output.WriteLine(TextCatalogue.Fill(text.DemoLogged, ("entries", Count((long)checkpoint.Size)), ("seconds", clock.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)), ("root", checkpoint.Root.ToBase64())));
        output.WriteLine(TextCatalogue.Fill(text.DemoVerified, ("entries", Count((long)logCheck.Entries)), ("tiles", Count(logCheck.Tiles)), ("checkpoints", Count(logCheck.Checkpoints)), ("standard", "C2SP tlog-tiles")));
        output.WriteLine();
        output.WriteLine($"{text.DemoScorecard} {files["html"]}");
        output.WriteLine($"{new string(' ', text.DemoScorecard.Length)} {files["json"]} {text.DemoMachineReadable}");
        output.WriteLine($"{new string(' ', text.DemoScorecard.Length)} {pack}");
        output.WriteLine($"{new string(' ', text.DemoScorecard.Length)} {export} {text.Export.DemoWorkbook}");
        output.WriteLine($"{text.DemoTiles} {tiles}");
        output.WriteLine();
        var policy = await session.FindPolicyAsync(DemoScenario.Agreement, cancellationToken);
        var keys = Path.Combine(folder, "keys");
        output.WriteLine(text.DemoNextSteps);
        output.WriteLine($"  # {text.DemoStepReview}");
        output.WriteLine($"  outcomes review --as mx --ledger {folder}");
        output.WriteLine($"  # {text.DemoStepAccept}");
        output.WriteLine($"  outcomes accept {policy!.Index} --as mx --key {Path.Combine(keys, "mx.key")} --ledger {folder}");
        output.WriteLine($"  # {TextCatalogue.Fill(text.DemoStepData, ("agency", "CBP"), ("date", "2026-01-15"))}");
        output.WriteLine($"  outcomes import cbp <nationwide-drugs-fy26.csv> --indicator {DemoScenario.Seizures} --drug Fentanyl --region \"Southwest Border\" --land-filter \"Land Only\" --as us --key {Path.Combine(keys, "us.key")} --ledger {folder}");
        output.WriteLine();
        output.WriteLine(text.DemoExplore);
        output.WriteLine($"  outcomes log checkpoint --ledger {folder}");
        output.WriteLine($"  outcomes party list --ledger {folder}");
        output.WriteLine($"  outcomes log verify --ledger {folder}");
        output.WriteLine($"  outcomes log verify-tiles {Path.Combine(folder, "tiles")} --key \"{ledger.LogVerifierKey}\"");
        return ExitCodes.Ok;
    }

    /// <summary>A new folder, or with --force an old demo ledger replaced; never someone else's files.</summary>
    static void PrepareFolder(string folder, bool force)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return;
        }

        if (!force)
        {
            throw CliError.Usage($"'{folder}' already exists; use --force to replace the demo ledger there, or --out <another folder>");
        }

        if (!File.Exists(Path.Combine(folder, LedgerFolder.ConfigFile)))
        {
            throw CliError.Usage($"'{folder}' is not a ledger folder; --force only replaces a previous demo ledger");
        }

        Directory.Delete(folder, recursive: true);
    }

    static async Task<IReadOnlyList<SubmitResult>> SubmitAsync(Sequencer sequencer, IReadOnlyList<byte[]> entries, CancellationToken cancellationToken)
    {
        var results = await sequencer.SubmitAsync(entries, cancellationToken);
        var refused = results.FirstOrDefault(r => r.Status == SubmitStatus.Rejected);
        return refused is null ? results : throw CliError.Check("the demo data was refused by the ledger: " + string.Join("; ", refused.Errors));
    }
}
