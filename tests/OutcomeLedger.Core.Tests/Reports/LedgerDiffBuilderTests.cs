using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Tests.Ledger;
using OutcomeLedger.Core.Tests.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Reports;

/// <summary>
/// What changed between two checkpoints, from the state at the later one: every entry logged since the earlier, by
/// kind, in log order, with what it acts on and its figures exact; and the ratings that differ, with the reason now.
/// </summary>
public sealed class LedgerDiffBuilderTests
{
    static readonly CommitmentId Fentanyl = new("reduce-fentanyl-flow");

    [Fact]
    public void Changes_EntriesSinceTheEarlierSize_EachByKindInLogOrder()
    {
        using var ledger = new LedgerFixture();
        var earlier = ledger.State.Size;
        var value = ledger.Submit(LedgerFixture.Measurement("2026-01", 812.5m), ledger.Us);
        var corrected = ledger.Submit(LedgerFixture.Measurement("2026-01", 830.25m, supersedes: value), ledger.Us);
        var accepted = ledger.Submit(new AcceptanceRecord { Author = LedgerFixture.MxId, RecordedAt = LedgerFixture.At, Entry = 6 }, ledger.Mx);
        var contested = ledger.Submit(new ObjectionRecord { Author = LedgerFixture.MxId, RecordedAt = LedgerFixture.At, Entry = 7, Reason = "the baseline year is too short" }, ledger.Mx);
        var disputed = ledger.Submit(new AttestationRecord
        {
            Author = LedgerFixture.MxId,
            RecordedAt = LedgerFixture.At,
            Measurement = corrected,
            Verdict = Verdict.Disputed,
            Figure = 700m,
            Reason = "our count differs",
        }, ledger.Mx);

        var changes = LedgerDiffBuilder.Changes(ledger.State, earlier);

        Assert.Equal([value, corrected, accepted, contested, disputed], changes.Select(c => c.Entry));
        Assert.Equal(
            [DiffChangeKind.ValueAdded, DiffChangeKind.ValueCorrected, DiffChangeKind.TermsAccepted, DiffChangeKind.TermsContested, DiffChangeKind.DisputeOpened],
            changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal([Fentanyl.Value], c.Commitments));
        Assert.All(changes, c => Assert.Equal("us-mx-security", c.Agreement));
        Assert.Equal((830.25m, 812.5m, value), (changes[1].Value!.Value, changes[1].Previous!.Value, changes[1].Target!.Value));
        Assert.Equal((Fentanyl.Value, 6ul), (changes[2].Subject, changes[2].Target!.Value));
        Assert.Equal((LedgerFixture.Seizures.Value, "the baseline year is too short"), (changes[3].Subject, changes[3].Text));
        Assert.Equal((700m, 830.25m, corrected, "mx"), (changes[4].Value!.Value, changes[4].Previous!.Value, changes[4].Target!.Value, changes[4].Author));

        var t = TextCatalogue.English;
        Assert.Equal($"{t.Format.Period("2026-01")}: {t.Format.Figure(812.5m)} → {t.Format.Figure(830.25m)}", LedgerDiffText.Detail(changes[1], t));
    }

    [Fact]
    public void Changes_FromTheFirstEntry_ListsTheWholeLedgerButPartiesAndKeys()
    {
        using var ledger = new LedgerFixture();

        var changes = LedgerDiffBuilder.Changes(ledger.State, 0);

        // Entries 0-3 register parties; the agreement, statement, commitment and indicator follow.
        Assert.Equal([4ul, 5, 6, 7], changes.Select(c => c.Entry));
        Assert.Equal([DiffChangeKind.Agreement, DiffChangeKind.Statement, DiffChangeKind.Commitment, DiffChangeKind.Indicator], changes.Select(c => c.Kind));
        Assert.Equal([Fentanyl.Value], changes[1].Commitments);
        Assert.Empty(LedgerDiffBuilder.Changes(ledger.State, ledger.State.Size));
    }

    [Fact]
    public void Ratings_OnlyThoseThatDiffer_WithTheReasonNow_NewOnesFromNothing()
    {
        var now = SampleScorecard.Create();
        var first = now.Commitments[0];
        var other = first.Rating == Rating.Stalled ? Rating.OnTrack : Rating.Stalled;
        var then = now with { Commitments = [first with { Rating = other, Finding = other }] };
        var t = TextCatalogue.Spanish;

        var ratings = LedgerDiffBuilder.Ratings([then], [now], t);

        var changed = ratings[0];
        Assert.Equal((first.Id, (Rating?)other, first.Rating, t.Sentence(first.Reason)), (changed.Commitment, changed.From, changed.To, changed.Reason));
        // Every other commitment was not in the earlier scorecard: it is new.
        Assert.Equal(now.Commitments.Skip(1).Select(c => c.Id), ratings.Skip(1).Select(r => r.Commitment));
        Assert.All(ratings.Skip(1), r => Assert.Null(r.From));
        Assert.Empty(LedgerDiffBuilder.Ratings([now], [now], t));
    }

    [Fact]
    public void Json_IsExactAndRoundTrips()
    {
        using var ledger = new LedgerFixture();
        var earlier = ledger.State.Size;
        ledger.Submit(LedgerFixture.Measurement("2026-01", 0.1234567890123m), ledger.Us);
        var diff = new LedgerDiff
        {
            From = new DiffCheckpoint(earlier, "AAAA", null),
            To = new DiffCheckpoint(ledger.State.Size, "BBBB", LedgerFixture.At),
            ConsistencyProof = ["CCCC"],
            Changes = LedgerDiffBuilder.Changes(ledger.State, earlier),
            OtherEntries = 0,
            Ratings = [],
        };

        var json = LedgerDiffJson.Serialize(diff);

        Assert.Contains("\"kind\": \"value-added\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": 0.1234567890123", json, StringComparison.Ordinal);
        var read = LedgerDiffJson.Deserialize(json)!;
        Assert.Equal(diff.Changes[0].Value, read.Changes[0].Value);
        Assert.Equal(json, LedgerDiffJson.Serialize(read));
    }

    [Fact]
    public void Text_Spanish_KindsAndSentencesHaveNoEnglish()
    {
        var t = TextCatalogue.Spanish;
        var words = string.Join(" ", Enum.GetValues<DiffChangeKind>().Select(k => LedgerDiffText.Kind(k, t)));

        Assert.Empty(EnglishLeaks.InText(words, []));
        Assert.Equal(Enum.GetValues<DiffChangeKind>().Length, Enum.GetValues<DiffChangeKind>().Select(k => LedgerDiffText.Kind(k, TextCatalogue.English)).Distinct().Count());
    }
}
