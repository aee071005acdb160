using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Reports;

public sealed class ExportBuilderTests
{
    [Fact]
    public void Build_Sample_SummaryHasEachCommitmentWithBothAxesNeedsAndTheCheckpoint()
    {
        var scorecard = SampleScorecard.Create();
        var t = TextCatalogue.English;

        var workbook = ExportBuilder.Build(scorecard, ScorecardLanguage.English);

        var summary = workbook.Sheets[0];
        Assert.Equal(t.Summary, summary.Name);
        Assert.Equal(scorecard.Commitments.Count, summary.Rows.Count);
        var headers = summary.Columns.Select(c => c.Header).ToList();
        foreach (var (commitment, row) in scorecard.Commitments.Zip(summary.Rows))
        {
            Assert.Equal(commitment.Id, row[headers.IndexOf(t.Export.CommitmentId)].Text);
            Assert.Equal(t.RatingName(commitment.Rating), row[headers.IndexOf(t.Rating)].Text);
            Assert.Equal(t.RatingName(commitment.Finding ?? commitment.Rating), row[headers.IndexOf(t.DataSays)].Text);
            Assert.Equal(t.Needs(commitment.Needs, AxisSentence.NamesIn(commitment)), row[headers.IndexOf(t.StillNeeds)].Text);
            Assert.Equal(commitment.MadeOn, row[headers.IndexOf(t.MadeOn)].Date);
            Assert.Equal(ExportCellKind.Date, summary.Columns[headers.IndexOf(t.MadeOn)].Kind);
            Assert.Equal(scorecard.Checkpoint.Size, row[headers.IndexOf(t.Export.CheckpointSize)].Number);
            Assert.Equal(scorecard.Checkpoint.RootHash, row[headers.IndexOf(t.RootHash)].Text);
            if (commitment.Confirmation is { Values: > 0 } confirmation)
            {
                Assert.Equal(t.Confirmation(confirmation), row[headers.IndexOf(t.ConfirmedAxis)].Text);
                Assert.Equal(100m * confirmation.Confirmed / confirmation.Values, row[headers.IndexOf(t.Export.ConfirmedShare)].Number);
            }
        }

        Assert.Equal(scorecard.Checkpoint.Size, workbook.CheckpointSize);
        Assert.Equal(scorecard.Checkpoint.RootHash, workbook.RootHash);
    }

    [Fact]
    public void Build_Sample_IndicatorSheetHoldsEveryValueTheSupersededAfterItsCorrection()
    {
        var scorecard = SampleScorecard.Create();
        var t = TextCatalogue.English;

        var workbook = ExportBuilder.Build(scorecard, ScorecardLanguage.English);

        var indicators = scorecard.Commitments.SelectMany(c => c.Indicators).DistinctBy(i => i.Id).ToList();
        Assert.Equal([t.Summary, .. indicators.Select(i => i.Id)], workbook.Sheets.Select(s => s.Name));
        var seizures = indicators.Single(i => i.Id == "sw-border-fentanyl-seizures");
        var sheet = workbook.Sheets.Single(s => s.Name == seizures.Id);
        var headers = sheet.Columns.Select(c => c.Header).ToList();
        Assert.Equal([t.Period, t.Export.PeriodStart, t.Export.ValueReported, t.Export.ValueStanding, t.Status, t.Export.Attestations, t.EntryIndex, t.Export.LeafHash], headers);
        var points = seizures.Series.SelectMany(s => s.Points).ToList();
        var corrections = points.SelectMany(p => p.Corrects).ToList();
        Assert.Single(corrections);
        Assert.Equal(points.Count + corrections.Count, sheet.Rows.Count);

        // The correction, then the value it superseded: reported figure, no standing figure, "superseded", its own entry.
        var corrected = points.Single(p => p.Corrects.Count == 1);
        var at = sheet.Rows.Select((row, i) => (row, i)).Single(r => r.row[6].Number == corrected.Entry.Index).i;
        Assert.Equal(corrected.Period, sheet.Rows[at][0].Text);
        Assert.Equal(corrected.Reported, sheet.Rows[at][2].Number);
        Assert.Equal(corrected.Stands, sheet.Rows[at][3].Number);
        Assert.Equal(corrected.Entry.LeafHash, sheet.Rows[at][7].Text);
        var superseded = sheet.Rows[at + 1];
        Assert.Equal(corrected.Period, superseded[0].Text);
        Assert.Equal(Period.Parse(corrected.Period).Start, superseded[1].Date);
        Assert.Equal(corrected.Corrects[0].Value, superseded[2].Number);
        Assert.Equal(ExportCellKind.Empty, superseded[3].Kind);
        Assert.Equal(t.Export.Superseded, superseded[4].Text);
        Assert.Equal(corrected.Corrects[0].Entry.Index, superseded[6].Number);
        Assert.Equal(corrected.Corrects[0].Entry.LeafHash, superseded[7].Text);

        // The dispute still open: its status, and who disputed with which figure.
        var disputed = points.Single(p => p.OpenDisputes is { Count: > 0 } && p.Corrects.Count == 0);
        var row = sheet.Rows.Single(r => r[6].Number == disputed.Entry.Index);
        Assert.Equal(t.StatusName(disputed.Status), row[4].Text);
        Assert.Contains($"mx: {t.StatusDisputed} ({t.Format.Exact(1010m)})", row[5].Text, StringComparison.Ordinal);

        // The resolved one: what stands is the resolution's figure, beside what was reported.
        var resolved = points.Single(p => p.Stands != p.Reported);
        var settled = sheet.Rows.Single(r => r[6].Number == resolved.Entry.Index);
        Assert.Equal(resolved.Reported, settled[2].Number);
        Assert.Equal(1150m, settled[3].Number);
        Assert.Contains($"gao: {t.StatusResolved} ({t.Format.Exact(1150m)})", settled[5].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DisaggregatedSeries_OneColumnPerDimensionEmptyForTheTotal()
    {
        var ledger = SampleScorecard.Ledger();
        ledger.Measure("extraditions", Period.Month(2025, 3), 4m, dimensions: new Dictionary<string, string> { ["region"] = "north", ["court"] = "federal" });
        var scorecard = ledger.Evaluate();

        var sheet = ExportBuilder.Build(scorecard, ScorecardLanguage.English).Sheets.Single(s => s.Name == "extraditions");

        var headers = sheet.Columns.Select(c => c.Header).ToList();
        var region = headers.IndexOf("region");
        var court = headers.IndexOf("court");
        Assert.True(region > 1 && court > 1, string.Join(", ", headers));
        var north = Assert.Single(sheet.Rows, r => r[region].Text == "north");
        Assert.Equal("federal", north[court].Text);
        Assert.Equal(4m, north[headers.IndexOf(TextCatalogue.English.Export.ValueReported)].Number);
        Assert.All(sheet.Rows.Where(r => r != north), r => Assert.Equal(ExportCellKind.Empty, r[region].Kind));
    }

    [Fact]
    public void Build_Spanish_HeadersAndWordsAreSpanish()
    {
        var scorecard = SampleScorecard.Create();
        var t = TextCatalogue.Spanish;

        var workbook = ExportBuilder.Build(scorecard, ScorecardLanguage.Spanish);

        Assert.Equal("es", workbook.Language);
        Assert.Equal("Resumen", workbook.Sheets[0].Name);
        Assert.Contains(t.Export.ValueReported, workbook.Sheets[1].Columns.Select(c => c.Header));
        var words = string.Join("\n", workbook.Sheets.SelectMany(s => s.Columns.Select(c => c.Header).Concat(s.Rows.SelectMany(r => r).Where(c => c.Kind == ExportCellKind.Text).Select(c => c.Text!))));
        // Ids, dimension names, party ids and hashes are data, in every language.
        Assert.Empty(EnglishLeaks.InText(words, [.. EnglishLeaks.Data(scorecard)], dataByWord: true));
    }

    [Theory]
    [InlineData("Summary", "Summary")]
    [InlineData("a/b:c*d?[e]", "a-b-c-d--e-")]
    [InlineData("an-indicator-name-longer-than-thirty-one-characters", "an-indicator-name-longer-than-t")]
    [InlineData("'quoted'", "-quoted-")]
    public void Unique_Names_ValidSheetAndFileNames(string wanted, string expected)
    {
        Assert.Equal(expected, ExportBuilder.Unique(wanted, []));
    }

    [Fact]
    public void Unique_TakenNames_NumberedWithinTheLimit()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var long31 = new string('x', 40);

        Assert.Equal("summary", ExportBuilder.Unique("summary", taken));
        Assert.Equal("Summary~2", ExportBuilder.Unique("Summary", taken));
        Assert.Equal(new string('x', 31), ExportBuilder.Unique(long31, taken));
        Assert.Equal(new string('x', 29) + "~2", ExportBuilder.Unique(long31, taken));
    }
}
