using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Benchmarks;

/// <summary>
/// What every benchmark ledger starts with: the operator and the parties with their keys, one agreement between the
/// parties, one statement of theirs (by the first) and one commitment citing it, all made on <c>madeOn</c>.
/// </summary>
internal static class BenchmarkAgreement
{
    public static readonly PartyId Operator = new("operator");

    public static IEnumerable<(LedgerRecord Record, PartyId Author)> Records(
        DateTimeOffset at, AgreementId agreement, DateOnly madeOn, string operatorPublicKey, params (PartyId Id, string Name, string PublicKey)[] parties)
    {
        List<PartyId> ids = [.. parties.Select(p => p.Id)];
        var first = ids[0];
        yield return (new PartyRecord { Author = Operator, RecordedAt = at, Id = Operator, Name = "Operator", Role = PartyRole.Operator, Keys = [operatorPublicKey] }, Operator);
        foreach (var party in parties)
        {
            yield return (new PartyRecord { Author = Operator, RecordedAt = at, Id = party.Id, Name = party.Name, Role = PartyRole.Party, Keys = [party.PublicKey] }, Operator);
        }

        yield return (new AgreementRecord { Author = Operator, RecordedAt = at, Id = agreement, Title = "Benchmark agreement", Parties = ids }, Operator);
        yield return (new StatementRecord
        {
            Author = first,
            RecordedAt = at,
            Id = new("statement"),
            Date = madeOn,
            Title = "Statement",
            Parties = ids,
            StatementKind = ids.Count > 1 ? StatementKind.JointStatement : StatementKind.PressRelease,
            SourceUrl = "https://example.org/statement",
        }, first);
        yield return (new CommitmentRecord
        {
            Author = first,
            RecordedAt = at,
            Id = new("commitment"),
            Agreement = agreement,
            Text = "Seize more",
            Statements = [new("statement")],
            ResponsibleParties = ids,
            MadeOn = madeOn,
        }, first);
    }
}
