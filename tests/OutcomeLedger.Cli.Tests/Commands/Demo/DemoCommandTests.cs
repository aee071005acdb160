using System.Globalization;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace OutcomeLedger.Cli.Tests.Commands.Demo;

public sealed class DemoCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    [Fact]
    public void Demo_FromNothing_WritesAVerifiedScorecard()
    {
        Assert.Equal(0, demo.Run.ExitCode);
        Assert.Contains("scorecard.html", demo.Run.Output, StringComparison.Ordinal);
        Assert.Contains("Verified:", demo.Run.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "scorecard.html", "scorecard.json", "scorecard.md", "pack.pdf", "export.xlsx", "tiles/checkpoint", "ledger.json" })
        {
            Assert.True(File.Exists(Path.Combine(demo.Folder, file)), file);
        }
    }

    [Fact]
    public void Demo_Pack_IsThePackOfItsCheckpointSinceTheTermsWereLogged()
    {
        Assert.Contains("pack.pdf", demo.Run.Output, StringComparison.Ordinal);
        var pdf = File.ReadAllBytes(Path.Combine(demo.Folder, "pack.pdf"));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        // The command's pack of the same checkpoint since the third batch (parties, then the operator's terms at 24):
        // the same bytes, whichever way it is made.
        var again = Path.Combine(demo.Folder, "..", "pack-again.pdf");
        CliRun.Invoke("pack", "--out", again, "--since", "24", "--ledger", demo.Folder).AssertOk();
        Assert.Equal(pdf, File.ReadAllBytes(again));
    }

    [Fact]
    public void Demo_Export_IsListedAndHoldsWhatTheExportCommandWrites()
    {
        Assert.Contains("export.xlsx " + Core.Text.TextCatalogue.English.Export.DemoWorkbook, demo.Run.Output, StringComparison.Ordinal);
        var again = Path.Combine(demo.Folder, "..", "export-again.xlsx");
        CliRun.Invoke("export", "--out", again, "--ledger", demo.Folder).AssertOk();

        var demoSheets = Export.ExportCommandTests.ReadXlsx(Path.Combine(demo.Folder, "export.xlsx"));
        var commandSheets = Export.ExportCommandTests.ReadXlsx(again);

        Assert.Equal(commandSheets.Select(s => s.Name), demoSheets.Select(s => s.Name));
        Assert.Equal(commandSheets.SelectMany(s => s.Rows).SelectMany(r => r), demoSheets.SelectMany(s => s.Rows).SelectMany(r => r));
    }

    [Fact]
    public void Demo_Folder_IsALedgerEveryCommandWorksOn()
    {
        Assert.Equal(0, CliRun.Invoke("log", "verify", "--ledger", demo.Folder).ExitCode);
        var parties = CliRun.Invoke("party", "list", "--json", "--ledger", demo.Folder);
        Assert.Equal(0, parties.ExitCode);
        Assert.Equal(["operator", "us", "mx", "verifier"], JsonDocument.Parse(parties.Output).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var key = CliRun.Invoke("log", "public-key", "--ledger", demo.Folder).Output.Trim();
        Assert.Equal(0, CliRun.Invoke("log", "verify-tiles", Path.Combine(demo.Folder, "tiles"), "--key", key).ExitCode);
        Assert.Equal(0, CliRun.Invoke("verify", Path.Combine(demo.Folder, "scorecard.json"), "--ledger", demo.Folder).ExitCode);
        Assert.Equal(0, CliRun.Invoke("verify", Path.Combine(demo.Folder, "scorecard.json"), "--ledger", Path.Combine(demo.Folder, "tiles"), "--key", key).ExitCode);
    }

    /// <summary>
    /// Issue 12, Deliver 3: the demo logs no government's acceptance, so every commitment's terms read as proposed by
    /// the operator and awaiting both governments, in the scorecard it writes and in its JSON summary.
    /// </summary>
    [Fact]
    public void Demo_Terms_ProposedByTheOperatorAndAwaitingBothGovernments()
    {
        using var temp = new TempFolder();
        var run = CliRun.Invoke("demo", "--out", temp["demo"], "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        foreach (var commitment in json.RootElement.GetProperty("commitments").EnumerateArray())
        {
            var terms = commitment.GetProperty("terms");
            Assert.False(terms.GetProperty("agreed").GetBoolean());
            Assert.Equal("operator", terms.GetProperty("proposedBy").GetString());
            Assert.Equal(["us", "mx"], terms.GetProperty("awaitingFrom").EnumerateArray().Select(p => p.GetString()));
        }

        var markdown = File.ReadAllText(Path.Combine(demo.Folder, "scorecard.md"));
        Assert.Contains("| Commitment | Terms | Rating |", markdown, StringComparison.Ordinal);
        Assert.Contains("| proposed by operator, not accepted by us, mx |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("agreed by every party", markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 13, Deliver 4: the demo's independent verifier re-derives the U.S. series from the shipped CBP and CDC files
    /// (a real check, through the same use case as <c>outcomes verify-source</c>), so the deaths commitment is rated on
    /// confirmed values; nothing is acknowledged for Mexico, and the demo ends with the commands that would move a
    /// commitment forward.
    /// </summary>
    [Fact]
    public void Demo_VerifierRederivesTheUsSeries_OneCommitmentRatedOnConfirmedValues()
    {
        var output = demo.Run.Output;
        foreach (var indicator in new[] { "sw-border-fentanyl-seizures", "us-synthetic-opioid-deaths" })
        {
            Assert.Matches($@"The independent verifier re-derived \d+ values of '{indicator}' from the published [^:]+: \d+ match, 0 differ\.", output);
        }

        using var scorecard = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(demo.Folder, "scorecard.json")));
        var commitments = scorecard.RootElement.GetProperty("commitments").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        var deaths = commitments["prevent-synthetic-drug-harm"];
        Assert.DoesNotContain(deaths.GetProperty("rating").GetString(), new[] { "NOT_YET_ASSESSED", "UNVERIFIABLE" });
        var confirmation = deaths.GetProperty("confirmation");
        Assert.True(confirmation.GetProperty("passes").GetBoolean());
        Assert.Equal(confirmation.GetProperty("values").GetInt32(), confirmation.GetProperty("confirmed").GetInt32());
        Assert.Equal(["verifier"], scorecard.RootElement.GetProperty("policy").GetProperty("verifiers").EnumerateArray().Select(v => v.GetString()));

        // Every confirmation of a U.S. value is the verifier's, and says which file it re-derived the value from.
        var attestations = commitments.Values
            .SelectMany(c => c.GetProperty("indicators").EnumerateArray())
            .Where(i => i.GetProperty("id").GetString() is "sw-border-fentanyl-seizures" or "us-synthetic-opioid-deaths")
            .SelectMany(i => i.GetProperty("series").EnumerateArray())
            .SelectMany(s => s.GetProperty("points").EnumerateArray())
            .SelectMany(p => p.TryGetProperty("attestations", out var a) ? a.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .ToList();
        Assert.NotEmpty(attestations);
        Assert.All(attestations, a =>
        {
            Assert.Equal("verifier", a.GetProperty("party").GetString());
            Assert.StartsWith("verified: re-derived from ", a.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });

        // Under the table, each commitment's needs and reason as whole lines (not wrapped into narrow columns).
        foreach (var id in commitments.Keys)
        {
            Assert.Matches($@"\n{id}\r?\n  Still needs: [^\r\n]+\r?\n  Reason: [^\r\n]+", output);
        }

        Assert.Contains("outcomes review --as mx --ledger", output, StringComparison.Ordinal);
        Assert.Matches(@"outcomes accept \d+ --as mx --key ", output);
        Assert.Contains("outcomes import cbp <nationwide-drugs-fy26.csv> --indicator sw-border-fentanyl-seizures", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 13, Deliver 4 and 5: the demo's Mexican values are what <c>outcomes import csv</c> makes of the shipped files
    /// with the same options (day dates per month, summed; the Security Cabinet's running totals turned into monthly
    /// flows with <c>--cumulative</c>): the same values, notes naming the source rows (or the two totals a flow is the
    /// difference of), file hashes and lines, and the files kept as evidence, as the import use case keeps them.
    /// </summary>
    [Theory]
    [InlineData("mx-transfers-to-us-custody", "mexico/mx_to_us_transfers.csv", "period=date,value=persons_transferred,note=found_at_url", "sum", false)]
    [InlineData("mx-labs-dismantled", "mexico/mx_gabinete_seguridad_cumulative_transcribed.csv", "period=period_end,value=value,note=qualifier", "last", true, "metric=clandestine_labs_dismantled", "unit=labs")]
    [InlineData("mx-detentions-high-impact", "mexico/mx_gabinete_seguridad_cumulative_transcribed.csv", "period=period_end,value=value,note=qualifier", "last", true, "metric=persons_detained_high_impact_crimes", "unit=persons")]
    [InlineData("mx-fentanyl-seized", "mexico/mx_gabinete_seguridad_cumulative_transcribed.csv", "period=period_end,value=value,note=qualifier", "last", true, "metric=fentanyl_seized_weight", "unit=kg")]
    public async Task Demo_MexicanValues_AreWhatImportCsvMakesOfTheShippedFiles(string indicator, string file, string map, string aggregate, bool cumulative, params string[] where)
    {
        using var user = new TestLedger();
        user.AddIndicator(indicator, "units", "count", "mx");
        user.RunIn([
            "import", "csv", TestLedger.Data(file), "--indicator", indicator, "--map", map, "--period-from-date", "--aggregate", aggregate,
            .. where.SelectMany(w => new[] { "--where", w }), .. (cumulative ? new[] { "--cumulative" } : []), "--dataset", "as the user names it", "--as", "mx", "--key", user.KeyOf("mx"),
        ]).AssertOk();
        static List<(string, decimal, string?, string?, string?, int?)> Values(Core.Ledger.LedgerState state, string indicator) =>
            [.. state.Measurements.Values.Where(m => m.Record.Indicator.Value == indicator).OrderBy(m => m.Record.Period)
                .Select(m => (m.Record.Period.ToString(), m.Record.Value, m.Record.Note, m.Record.Source.FileName, m.Record.Source.FileSha256, m.Record.Source.Line))];
        var expected = Values(await user.StateAsync(), indicator);

        await using var ledger = await Storage.LedgerFolder.OpenAsync(demo.Folder, TestContext.Current.CancellationToken);
        var checkpoint = await ledger.Store.GetLatestCheckpointAsync(TestContext.Current.CancellationToken);
        var state = await Core.Sequencing.LedgerReplay.LoadAsync(ledger.Store, checkpoint!.Size, recheck: false, null, TestContext.Current.CancellationToken);
        var values = Values(state, indicator);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, values);
        Assert.All(values, v => Assert.Matches(cumulative
            ? @"^monthly flow from a running total: [\d.]+ \(\d{4}-\d{2}-\d{2}, line \d+\) less [\d.]+ \(\d{4}-\d{2}-\d{2}, line \d+\)$"
            : @"^(one row|sum of \d+ rows|last of \d+ rows): \d{4}-\d{2}-\d{2} line \d+: ", v.Item3));
        Assert.True(await ledger.Blobs.ContainsAsync(values[0].Item5!, TestContext.Current.CancellationToken), "the source file is kept as evidence");
    }

    [Fact]
    public void Demo_IntoAnExistingFolder_RefusesWithoutForce()
    {
        var again = CliRun.Invoke("demo", "--out", demo.Folder);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Force_OnlyReplacesALedgerFolder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["notes.txt"], "someone's files");

        var run = CliRun.Invoke("demo", "--out", temp.Path, "--force");

        Assert.Equal(2, run.ExitCode);
        Assert.True(File.Exists(temp["notes.txt"]));
    }

    // The figures in the scorecard equal sums computed directly from the shipped files, read here by an unrelated CSV parser.
    [Fact]
    public void Scorecard_SeizureValues_EqualTheCbpFileSums()
    {
        var expected = new Dictionary<string, decimal>();
        foreach (var file in new[] { "cbp/nationwide-drugs-fy19-fy22.csv", "cbp/nationwide-drugs-fy23-fy26-dec.csv" })
        {
            using var parser = new TextFieldParser(Data(file)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            while (!parser.EndOfData)
            {
                var row = parser.ReadFields()!.Select((v, i) => (header[i], v)).ToDictionary();
                if (row["Region"] != "Southwest Border" || row["Land Filter"] != "Land Only" || row["Drug Type"] != "Fentanyl")
                {
                    continue;
                }

                var fiscalYear = int.Parse(row["FY"][..4], CultureInfo.InvariantCulture);
                var month = DateTime.ParseExact(row["Month (abbv)"], "MMM", CultureInfo.InvariantCulture).Month;
                var year = month >= 10 ? fiscalYear - 1 : fiscalYear;
                var period = $"{year:D4}-{month:D2}";
                expected[period] = expected.GetValueOrDefault(period) + decimal.Parse(row["Sum Qty (lbs)"], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        var values = Points("sw-border-fentanyl-seizures");

        Assert.Equal(expected.Count, values.Count);
        foreach (var (period, value) in expected)
        {
            Assert.Equal((double)value, values[period], 6);
        }
    }

    [Fact]
    public void Scorecard_DeathValues_EqualTheCdcFile()
    {
        var expected = new Dictionary<string, double>();
        using var parser = new TextFieldParser(Data("cdc/cdc_api_provisional_overdose_counts.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        while (!parser.EndOfData)
        {
            var row = parser.ReadFields()!.Select((v, i) => (header[i], v)).ToDictionary();
            if (row["state"] == "US" && row["data_value"].Length > 0)
            {
                var month = DateTime.ParseExact(row["month"], "MMMM", CultureInfo.InvariantCulture).Month;
                expected[$"{row["year"]}-{month:D2}"] = double.Parse(row["data_value"], CultureInfo.InvariantCulture);
            }
        }

        var values = Points("us-synthetic-opioid-deaths");

        Assert.Equal(expected, values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Equal(77695, values["2023-06"]);
    }

    // Mexico's self-reported figures as monthly flows (issue 13, Deliver 5): the last kilogram total of each month (kg
    // rows only, unconverted) less the previous month's; a month without the month before, or whose total fell, has none.
    [Fact]
    public void Scorecard_MexicoFentanylSeized_IsEachMonthsLastKilogramTotalLessThePreviousMonths()
    {
        var expected = new Dictionary<string, (string End, double Value)>();
        using var parser = new TextFieldParser(Data("mexico/mx_gabinete_seguridad_cumulative_transcribed.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        while (!parser.EndOfData)
        {
            var row = parser.ReadFields()!.Select((v, i) => (header[i], v)).ToDictionary();
            if (row["metric"] == "fentanyl_seized_weight" && row["unit"] == "kg")
            {
                var period = row["period_end"][..7];
                if (!expected.TryGetValue(period, out var seen) || string.CompareOrdinal(row["period_end"], seen.End) > 0)
                {
                    expected[period] = (row["period_end"], double.Parse(row["value"], CultureInfo.InvariantCulture));
                }
            }
        }

        var flows = new Dictionary<string, double>();
        foreach (var (period, (_, total)) in expected)
        {
            var before = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (expected.TryGetValue(before, out var previous) && total >= previous.Value)
            {
                flows[period] = total - previous.Value;
            }
        }

        Assert.NotEmpty(flows);
        Assert.Equal(flows.OrderBy(e => e.Key, StringComparer.Ordinal), Points("mx-fentanyl-seized").OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    /// <summary>The plotted values of an indicator's series in the demo's scorecard JSON, by period.</summary>
    Dictionary<string, double> Points(string indicator)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(demo.Folder, "scorecard.json")));
        var found = document.RootElement.GetProperty("commitments").EnumerateArray()
            .SelectMany(c => c.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("id").GetString() == indicator);
        var series = found.GetProperty("series").EnumerateArray().Single();
        return series.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!, p => Value(p));
    }

    static double Value(JsonElement point) => double.Parse(point.GetProperty("reported").GetString()!, CultureInfo.InvariantCulture);
}
