using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

public sealed class RecordKindsTests
{
    /// <summary>The agreed access matrix, written out: a change to a kind's writers must change this table too.</summary>
    public static TheoryData<string, Writers> AgreedWriters() => new()
    {
        { "party", Writers.Operator },
        { "key", Writers.Operator | Writers.Party | Writers.Verifier },
        { "agreement", Writers.Operator },
        { "policy", Writers.Operator },
        { "statement", Writers.Operator | Writers.Party | Writers.Verifier },
        { "commitment", Writers.Operator | Writers.Party },
        { "indicator", Writers.Operator | Writers.Party },
        { "measurement", Writers.Operator | Writers.Party },
        { "attestation", Writers.Operator | Writers.Party | Writers.Verifier },
        { "acceptance", Writers.Party | Writers.Verifier },
        { "objection", Writers.Party | Writers.Verifier },
    };

    [Theory]
    [MemberData(nameof(AgreedWriters))]
    public void Writers_AreTheAgreedMatrix(string kind, Writers writers) => Assert.Equal(writers, RecordKinds.Find(kind)!.Writers);

    [Fact]
    public void All_EveryKindInTheMatrix() =>
        Assert.Equal(AgreedWriters().Select(row => row.Data.Item1).Order(StringComparer.Ordinal), RecordKinds.All.Select(k => k.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void All_NamesCollectionsAndTypesAreUnique()
    {
        Assert.Equal(RecordKinds.All.Count, RecordKinds.All.Select(k => k.Name).Distinct().Count());
        Assert.Equal(RecordKinds.All.Count, RecordKinds.All.Select(k => k.Collection).Distinct().Count());
        Assert.Equal(RecordKinds.All.Count, RecordKinds.All.Select(k => k.RecordType).Distinct().Count());
    }

    [Fact]
    public void RecordJson_ReadsAndWritesExactlyTheListedKinds() =>
        Assert.Equal(RecordKinds.All.ToDictionary(k => k.Name, k => k.RecordType), RecordJson.RecordTypes);

    [Fact]
    public void PayloadType_NamesTheKind() =>
        Assert.Equal("application/vnd.outcomeledger.measurement+json", RecordKinds.Measurement.PayloadType);

    [Fact]
    public void Projection_TablesComeFromTheKinds() =>
        Assert.Equal(RecordKinds.All.SelectMany(k => k.Tables).Select(t => t.Name).Order(StringComparer.Ordinal), Projection.Schema.Select(t => t.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void AsOfDate_CountsKeyRecordsLikeEveryOtherKind()
    {
        using var ledger = new LedgerFixture();
        using var successor = SigningKey.FromSeed(Enumerable.Repeat((byte)9, 32).ToArray());
        var later = LedgerFixture.At.AddDays(40);
        ledger.Submit(new KeyRecord { Author = LedgerFixture.UsId, RecordedAt = later, Party = LedgerFixture.UsId, Action = KeyAction.Add, PublicKey = LedgerFixture.B64(successor) }, ledger.Us);

        Assert.Equal(DateOnly.FromDateTime(later.UtcDateTime), Evaluator.AsOfDate(ledger.State));
    }
}
