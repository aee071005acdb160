using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Reports;

public sealed class PackBuilderTests
{
    const string Key = "outcomes.test/log+01234567+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    [Fact]
    public void Build_Sample_EveryCommitmentHasItsPageRatingAndOpenDisputesWithBothFigures()
    {
        var scorecard = SampleScorecard.Create();
        var t = TextCatalogue.English;

        var pack = PackBuilder.Build(new PackInput { Scorecard = scorecard, Language = ScorecardLanguage.English, LogVerifierKey = Key });

        foreach (var commitment in scorecard.Commitments)
        {
            var at = Index(pack, b => b is PackHeading { Level: 1 } h && h.Text == commitment.Text);
            Assert.IsType<PackPageBreak>(pack.Blocks[at - 1]);
            var facts = Assert.IsType<PackTable>(pack.Blocks[at + 1]);
            Assert.Equal(commitment.Rating, facts.Rows[0][1].Badge);
            Assert.Equal(t.RatingName(commitment.Rating), facts.Rows[0][1].Text);
        }

        var open = scorecard.Commitments.SelectMany(c => c.Indicators).SelectMany(i => i.Series.SelectMany(s => s.Points).SelectMany(p => (p.OpenDisputes ?? []).Select(d => (i, p, d)))).ToList();
        Assert.NotEmpty(open);
        var disputes = pack.Blocks.OfType<PackTable>().Where(b => b.Headers.Contains(t.DisputedFigure)).SelectMany(b => b.Rows).ToList();
        Assert.Equal(open.Count, disputes.Count);
        foreach (var (indicator, point, dispute) in open)
        {
            Assert.Contains(disputes, row =>
                row[1].Text == $"{t.Format.Figure(point.Reported)} {indicator.Unit}" && row[2].Text == $"{t.Format.Figure(dispute.Figure!.Value)} {indicator.Unit}" && row[3].Text == dispute.Party);
        }

        var annex = Index(pack, b => b is PackHeading h && h.Text == t.Pack.AnnexHeading);
        Assert.Contains(pack.Blocks.Skip(annex).OfType<PackTable>().SelectMany(b => b.Rows), row => row[1].Text == scorecard.Checkpoint.RootHash && row[1].Code);
        Assert.Contains(pack.Blocks.Skip(annex).OfType<PackParagraph>(), p => p.Style == PackStyle.Code && p.Text.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Spanish_HasNoEnglishOutsideDataAndCode()
    {
        var scorecard = SampleScorecard.Create();

        var pack = PackBuilder.Build(new PackInput
        {
            Scorecard = scorecard,
            Since = new PackSince(1, new DateOnly(2025, 1, 1), Diff(LedgerDiffBuilder.Ratings([], [scorecard], TextCatalogue.Spanish), [])),
            Language = ScorecardLanguage.Spanish,
            LogVerifierKey = Key,
        });

        Assert.Equal("es", pack.Language);
        // Option names are code, as in every language.
        Assert.Empty(EnglishLeaks.InText(Words(pack), [.. EnglishLeaks.Data(scorecard), "--ledger"], dataByWord: true));
    }

    [Fact]
    public void Build_Title_GivenOrTheAgreements()
    {
        var scorecard = SampleScorecard.Create();

        var given = PackBuilder.Build(new PackInput { Scorecard = scorecard, Title = " SIG, February 2026 ", Language = ScorecardLanguage.English, LogVerifierKey = Key });
        var fallback = PackBuilder.Build(new PackInput { Scorecard = scorecard, Language = ScorecardLanguage.English, LogVerifierKey = Key });

        Assert.Equal("SIG, February 2026", given.Title);
        Assert.Equal(new PackHeading("SIG, February 2026", 0), given.Blocks[0]);
        Assert.Equal(TextCatalogue.Fill(TextCatalogue.English.Pack.DefaultTitle, ("agreement", scorecard.Agreement.Title)), fallback.Title);
    }

    [Fact]
    public void Changes_NothingLoggedForIt_NoChange()
    {
        var scorecard = SampleScorecard.Create();
        var since = new PackSince(scorecard.Checkpoint.Size, scorecard.AsOf, Diff(LedgerDiffBuilder.Ratings([scorecard], [scorecard], TextCatalogue.English), []));

        Assert.All(scorecard.Commitments, c => Assert.Equal(TextCatalogue.English.Pack.ChangeNone, PackBuilder.Changes(c, since, TextCatalogue.English)));
    }

    [Fact]
    public void Changes_BeforeTheAgreement_EveryCommitmentIsNew()
    {
        var scorecard = SampleScorecard.Create();
        var since = new PackSince(0, new DateOnly(2020, 1, 1), Diff(LedgerDiffBuilder.Ratings([], [scorecard], TextCatalogue.English), []));

        Assert.All(scorecard.Commitments, c => Assert.Equal(TextCatalogue.English.Pack.ChangeNew, PackBuilder.Changes(c, since, TextCatalogue.English)));
    }

    [Fact]
    public void Changes_RatingMovedValuesStatementsAndDisputesLogged_SaysEachOfItsOwn()
    {
        var scorecard = SampleScorecard.Create();
        var t = TextCatalogue.English;
        var now = scorecard.Commitments[0];
        var then = now with { Rating = now.Rating == Rating.Stalled ? Rating.Regressed : Rating.Stalled, Finding = null };
        var ratings = LedgerDiffBuilder.Ratings([scorecard with { Commitments = [then] }], [scorecard with { Commitments = [now] }], t);
        DiffChange Logged(ulong entry, DiffChangeKind kind, string commitment) =>
            new() { Entry = entry, Kind = kind, Author = "us", Subject = "x", Commitments = [commitment] };
        var since = new PackSince(0, new DateOnly(2020, 1, 1), Diff(ratings,
        [
            Logged(10, DiffChangeKind.ValueAdded, now.Id),
            Logged(11, DiffChangeKind.ValueCorrected, now.Id),
            Logged(12, DiffChangeKind.Statement, now.Id),
            Logged(13, DiffChangeKind.DisputeOpened, now.Id),
            Logged(14, DiffChangeKind.ValueAdded, "another-commitment"),
        ]));

        var phrase = PackBuilder.Changes(now, since, t);

        Assert.StartsWith(TextCatalogue.Fill(t.Pack.ChangeRating, ("from", t.RatingName(then.Rating)), ("to", t.RatingName(now.Rating))), phrase, StringComparison.Ordinal);
        Assert.Contains(t.Pack.ChangeValues.Of(2), phrase, StringComparison.Ordinal);
        Assert.Contains(t.Pack.ChangeStatements.Of(1), phrase, StringComparison.Ordinal);
        Assert.Contains(t.Pack.ChangeDisputesOpened.Of(1), phrase, StringComparison.Ordinal);
        Assert.DoesNotContain(t.Pack.ChangeDisputesClosed.Of(1), phrase, StringComparison.Ordinal);
    }

    static LedgerDiff Diff(IReadOnlyList<DiffRatingChange> ratings, IReadOnlyList<DiffChange> changes) => new()
    {
        From = new DiffCheckpoint(0, "", null),
        To = new DiffCheckpoint(1, "", null),
        ConsistencyProof = [],
        Changes = changes,
        OtherEntries = 0,
        Ratings = ratings,
    };

    [Fact]
    public void Build_FullChartWindow_ChartsSpanTheWholeHistoryAndSaySo()
    {
        var scorecard = SampleScorecard.Create();
        var t = TextCatalogue.English;
        var commitment = scorecard.Commitments[0];
        var full = TimeAxis.For(commitment, ChartWindow.Full);
        var shown = TextCatalogue.Fill(t.Chart.FullHistoryShown, ("from", t.Format.Date(full.From)), ("to", t.Format.Date(full.To)));

        var byDefault = PackBuilder.Build(new PackInput { Scorecard = scorecard, Language = ScorecardLanguage.English, LogVerifierKey = Key });
        var whole = PackBuilder.Build(new PackInput { Scorecard = scorecard, Language = ScorecardLanguage.English, LogVerifierKey = Key, ChartWindow = ChartWindow.Full });

        Assert.DoesNotContain(byDefault.Blocks.OfType<PackParagraph>(), p => p.Text == shown);
        var at = Index(whole, b => b is PackParagraph p && p.Text == shown);
        Assert.True(at > Index(whole, b => b is PackHeading { Level: 1 } h && h.Text == commitment.Text));
        // The first chart after the sentence starts where the history starts: its first year is on the axis, and not on the default's.
        var year = full.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = whole.Blocks.Skip(at).OfType<PackChart>().First();
        var firstByDefault = byDefault.Blocks.Skip(Index(byDefault, b => b is PackHeading { Level: 1 } h && h.Text == commitment.Text)).OfType<PackChart>().First();
        Assert.Contains($">{year}<", first.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain($">{year}<", firstByDefault.Svg, StringComparison.Ordinal);
    }

    static int Index(PackDocument pack, Func<PackBlock, bool> match)
    {
        for (var i = 0; i < pack.Blocks.Count; i++)
        {
            if (match(pack.Blocks[i]))
            {
                return i;
            }
        }

        throw new InvalidOperationException("no such block");
    }

    // The words people read: headings, paragraphs, tables and chart keys; code (commands, hashes, keys) is not words.
    static string Words(PackDocument pack)
    {
        var words = new List<string> { pack.Title, pack.Footer, pack.PageOf };
        foreach (var block in pack.Blocks)
        {
            switch (block)
            {
                case PackHeading h:
                    words.Add(h.Text);
                    break;
                case PackParagraph { Style: not PackStyle.Code } p:
                    words.Add(p.Text);
                    break;
                case PackTable table:
                    words.AddRange(table.Headers);
                    words.AddRange(table.Rows.SelectMany(r => r).Where(c => !c.Code).Select(c => c.Text));
                    break;
                case PackChart chart:
                    words.AddRange(chart.Legend.Select(l => l.Label));
                    break;
            }
        }

        return string.Join("\n", words);
    }
}
