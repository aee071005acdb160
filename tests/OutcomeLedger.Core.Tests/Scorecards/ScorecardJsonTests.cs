using System.Text;
using System.Text.Json;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Evaluation;

namespace OutcomeLedger.Core.Tests.Scorecards;

public class ScorecardJsonTests
{
    [Fact]
    public void Serialize_SameLogPrefixAndPolicy_GivesTheSameBytes()
    {
        var first = ScorecardJson.Serialize(SampleScorecard.Create());
        var second = ScorecardJson.Serialize(SampleScorecard.Create());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Serialize_IsRfc8785Canonical() =>
        Assert.True(CanonicalJson.IsCanonical(ScorecardJson.Serialize(SampleScorecard.Create())));

    [Fact]
    public void Serialize_TextNeedingEscapes_IsStillCanonical()
    {
        var sample = SampleScorecard.Create();
        var scorecard = sample with
        {
            Agreement = sample.Agreement with { Title = "quote \" backslash \\ line\n tab\t bell\u0007 del\u007f é 😀 \u2028" },
        };

        var bytes = ScorecardJson.Serialize(scorecard);

        Assert.True(CanonicalJson.IsCanonical(bytes));
        Assert.Equal(scorecard.Agreement.Title, ScorecardJson.Deserialize(bytes).Agreement.Title);
    }

    [Fact]
    public void Deserialize_ThenSerialize_GivesTheSameBytes()
    {
        var bytes = ScorecardJson.Serialize(SampleScorecard.Create());

        Assert.Equal(bytes, ScorecardJson.Serialize(ScorecardJson.Deserialize(bytes)));
    }

    [Fact]
    public void Serialize_EmbedsTheCheckpointAndReferencesEntries()
    {
        var ledger = SampleScorecard.Ledger();
        using var json = JsonDocument.Parse(ScorecardJson.Serialize(ledger.Evaluate()));
        var root = json.RootElement;

        Assert.Equal("outcomeledger-scorecard/2", root.GetProperty("schema").GetString());
        Assert.Equal(ledger.State.Size, root.GetProperty("checkpoint").GetProperty("size").GetUInt64());
        Assert.StartsWith("example.org/outcomes\n", root.GetProperty("checkpoint").GetProperty("signedNote").GetString(), StringComparison.Ordinal);
        var point = root.GetProperty("commitments")[0].GetProperty("indicators")[0].GetProperty("series")[0].GetProperty("points")[0];
        var index = point.GetProperty("entry").GetProperty("index").GetUInt64();
        Assert.Equal(ledger.State.Measurements[index].LeafHash.ToHex(), point.GetProperty("entry").GetProperty("leafHash").GetString());
        Assert.Equal(JsonValueKind.String, point.GetProperty("reported").ValueKind);
        Assert.Equal("acknowledged", point.GetProperty("status").GetString());
    }

    [Fact]
    public void Serialize_RatingsAreTheAgreedWords()
    {
        var text = Encoding.UTF8.GetString(ScorecardJson.Serialize(SampleScorecard.Create()));

        Assert.Contains("\"rating\":\"ON_TRACK\"", text, StringComparison.Ordinal);
        Assert.Contains("\"rating\":\"NOT_YET_ASSESSED\"", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"unresolved-disputes\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_AnotherSchema_NamesIt()
    {
        var text = Encoding.UTF8.GetString(ScorecardJson.Serialize(SampleScorecard.Create())).Replace("outcomeledger-scorecard/2", "outcomeledger-scorecard/9", StringComparison.Ordinal);

        Assert.False(ScorecardJson.TryDeserialize(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Contains("outcomeledger-scorecard/9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_UnknownField_IsRefused()
    {
        var text = Encoding.UTF8.GetString(ScorecardJson.Serialize(SampleScorecard.Create()));
        text = "{\"extra\":1," + text[1..];

        Assert.False(ScorecardJson.TryDeserialize(Encoding.UTF8.GetBytes(text), out var scorecard, out var error));
        Assert.Null(scorecard);
        Assert.NotNull(error);
    }

    [Fact]
    public void Evaluate_CitesTheEntriesItRestsOnWithTheirLeafHashes()
    {
        var ledger = SampleScorecard.Ledger();

        var entries = ReferencedEntries(ledger.Evaluate());

        Assert.Contains(entries, e => e.Index == ledger.State.Agreements[TestLedger.Agreement].Index);
        var measurements = ledger.State.Measurements.Values.ToList();
        Assert.All(measurements, m => Assert.Contains(new EntryRef(m.Index, m.LeafHash.ToHex()), entries));
        Assert.All(measurements.Where(m => m.SupersededBy is null).SelectMany(m => m.Attestations), a => Assert.Contains(new EntryRef(a.Index, a.LeafHash.ToHex()), entries));
    }

    [Fact]
    public void TryDeserialize_NotJson_ReturnsAnError() =>
        Assert.False(ScorecardJson.TryDeserialize("not json"u8, out _, out _));

    /// <summary>Every log entry the scorecard references, each once, in index order.</summary>
    static List<EntryRef> ReferencedEntries(Scorecard scorecard)
    {
        var entries = new Dictionary<ulong, EntryRef>();
        void Add(EntryRef? entry)
        {
            if (entry is not null)
            {
                entries.TryAdd(entry.Index, entry);
            }
        }

        Add(scorecard.Agreement.Entry);
        Add(scorecard.Policy.Entry);
        foreach (var commitment in scorecard.Commitments)
        {
            Add(commitment.Entry);
            foreach (var statement in commitment.Statements)
            {
                Add(statement.Entry);
            }

            foreach (var indicator in commitment.Indicators)
            {
                Add(indicator.Entry);
                Add(indicator.Paired?.Entry);
                foreach (var point in indicator.Series.SelectMany(s => s.Points))
                {
                    Add(point.Entry);
                    foreach (var attestation in point.Attestations)
                    {
                        Add(attestation.Entry);
                    }

                    foreach (var correction in point.Corrects)
                    {
                        Add(correction.Entry);
                    }
                }
            }
        }

        return [.. entries.Values.OrderBy(e => e.Index)];
    }
}
