using System.Globalization;
using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Tests.Commands.Diff;

/// <summary>
/// <c>outcomes diff</c> on the demo ledger: the JSON lists every entry between the checkpoints (or counts it among the
/// others) with the consistency proof; the table is TSV when captured and drawn with <c>--format table</c>, in either
/// language (Spanish without English); checkpoints that do not compare fail in one line.
/// </summary>
public sealed class DiffCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Diff_Json_EveryEntryBetweenTheCheckpointsWithTheConsistencyProof()
    {
        var diff = Json("--from", "24");
        var latest = Latest();

        Assert.Equal((24ul, latest), (diff.From.Size, diff.To.Size));
        Assert.NotEmpty(diff.ConsistencyProof);
        Assert.Equal((int)(latest - 24), diff.Changes.Count + diff.OtherEntries);
        Assert.All(diff.Changes, c => Assert.InRange(c.Entry, 24ul, latest - 1));
        Assert.Equal(diff.Changes.Select(c => c.Entry).Order(), diff.Changes.Select(c => c.Entry));
        Assert.Contains(diff.Changes, c => c.Kind == DiffChangeKind.ValueAdded && c.Value is not null && c.Period is not null);
        Assert.NotEmpty(diff.Ratings);
        Assert.All(diff.Ratings, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void Diff_SameCheckpoint_NothingChangedAndAnEmptyProof()
    {
        var size = Latest().ToString(CultureInfo.InvariantCulture);

        var diff = Json("--from", size, "--to", size);

        Assert.Empty(diff.Changes);
        Assert.Empty(diff.Ratings);
        Assert.Empty(diff.ConsistencyProof);
        Assert.Equal(0, diff.OtherEntries);
    }

    [Fact]
    public void Diff_Captured_IsTsvWithAHeaderRowAndARowPerChange()
    {
        var diff = Json("--from", "24");
        var t = TextCatalogue.English;

        var run = Run("diff", "--from", "24").AssertOk();

        var tables = run.Output.Split("\n\n");
        var changes = tables[0].TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join('\t', t.EntryHeading, t.Diff.Change, t.Diff.Subject, t.Diff.By, t.Diff.Detail), changes[0]);
        Assert.Equal(diff.Changes.Count, changes.Length - 1);
        for (var i = 0; i < diff.Changes.Count; i++)
        {
            var cells = changes[i + 1].Split('\t');
            Assert.Equal(5, cells.Length);
            Assert.Equal((diff.Changes[i].Entry.ToString(CultureInfo.InvariantCulture), LedgerDiffText.Kind(diff.Changes[i].Kind, t), diff.Changes[i].Subject), (cells[0], cells[1], cells[2]));
        }

        var ratings = tables[1].TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join('\t', t.Commitment, t.Diff.Before, t.Diff.Now, t.Reason), ratings[0]);
        Assert.Equal(diff.Ratings.Count, ratings.Length - 1);
        // The sentences are not part of the TSV: they go to standard error.
        Assert.Contains(LedgerDiffText.Consistent(diff, t), run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(LedgerDiffText.Consistent(diff, t), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_FormatTable_DrawsTheTableAndSaysTheProofChecked()
    {
        var diff = Json("--from", "24");

        var run = Run("diff", "--from", "24", "--format", "table").AssertOk();

        Assert.DoesNotContain('\t', run.Output);
        Assert.Contains(LedgerDiffText.Consistent(diff, TextCatalogue.English), run.Output, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.English.Diff.RatingsHeading, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Spanish_HasNoEnglish()
    {
        var diff = Json("--from", "24");

        var run = Run("diff", "--from", "24", "--lang", "es", "--format", "table").AssertOk();

        var data = diff.Changes.SelectMany(c => new[] { c.Subject, c.Author, c.Text ?? "" })
            .Concat(diff.Ratings.SelectMany(r => new[] { r.Commitment, r.Text }))
            .Concat(diff.Changes.SelectMany(c => c.Dimensions ?? new Dictionary<string, string>()).SelectMany(d => new[] { d.Key, d.Value }));
        Assert.Contains(TextCatalogue.Spanish.Diff.RatingsHeading, run.Output, StringComparison.Ordinal);
        Assert.Empty(EnglishLeaks.InText(run.Output, data, dataByWord: true));
    }

    [Theory]
    [InlineData("--from", "999999", null, null, "--from: checkpoint 999999 is after the log's latest checkpoint")]
    [InlineData("--from", "2000-01-01", null, null, "--from: 2000-01-01 is before the log's first checkpoint")]
    [InlineData("--from", "5", null, null, "--from: no checkpoint of size 5")]
    [InlineData("--from", "last-week", null, null, "is neither a checkpoint size nor a date")]
    [InlineData("--from", "24", "--to", "999999", "--to: checkpoint 999999 is after the log's latest checkpoint")]
    [InlineData("--from", "LATEST", "--to", "24", "is after --to's checkpoint 24")]
    public void Diff_CheckpointsThatDoNotCompare_OneLineUsageError(string option, string value, string? option2, string? value2, string message)
    {
        value = value.Replace("LATEST", Latest().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string[] args = option2 is null ? ["diff", option, value] : ["diff", option, value, option2, value2!];

        var run = Run(args).AssertFails(2, message);

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(run.Output);
    }

    LedgerDiff Json(params string[] args) => LedgerDiffJson.Deserialize(Run(["diff", .. args, "--json"]).AssertOk().Output)!;

    ulong Latest() => Json("--from", "24").To.Size;

    CliRun Run(params string[] args) => CliRun.Invoke([.. args, "--ledger", demo.Folder]);
}
