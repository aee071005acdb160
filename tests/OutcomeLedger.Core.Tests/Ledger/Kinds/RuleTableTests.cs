using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>
/// The rule tables as a whole: every kind has one, and the refusals they cover are the ones written out here, so a
/// row removed (or a field no longer covered) is noticed. Adding a row means adding it here too.
/// </summary>
public sealed class RuleTableTests
{
    static readonly RuleTable[] Tables =
    [
        PartyRecordKindTests.Genesis,
        PartyRecordKindTests.Rules,
        KeyRecordKindTests.Rules,
        AgreementRecordKindTests.Rules,
        PolicyRecordKindTests.Rules,
        StatementRecordKindTests.Rules,
        CommitmentRecordKindTests.Rules,
        IndicatorRecordKindTests.Rules,
        MeasurementRecordKindTests.Rules,
        AttestationRecordKindTests.Rules,
        AcceptanceRecordKindTests.Rules,
        ObjectionRecordKindTests.Rules,
    ];

    /// <summary>The fields of the five refusals every entry after the first can meet before its kind's rules (LedgerState.CheckSignature).</summary>
    static readonly string[] Signature = ["author", "signatures[0].keyid", "signatures[0].sig", "signatures"];

    /// <summary>Every (table, field) a refusal row names: each rules.Fail of each kind, and of the checks they share, is behind one of these.</summary>
    static readonly Dictionary<string, string[]> RefusedFields = new(StringComparer.Ordinal)
    {
        ["genesis"] = ["kind", "signatures[0].keyid", "signatures[0].sig", "signatures", "id", "name", "keys", "keys[1]"],
        ["party"] = [.. Signature, "id", "role", "name", "keys", "keys[0]", "keys[1]"],
        ["key"] = [.. Signature, "party", "publicKey"],
        ["agreement"] = [.. Signature, "id", "title", "parties", "parties[1]"],
        ["policy"] = [.. Signature, "agreement", "policy.countsTowardMet", "policy.countsTowardTrend", "policy.minVerifiedShare", "policy.significantChange", "policy.minPeriodsBefore", "policy.confidenceLevel", "policy.rollup", "policy.resetStatements[1]", "policy.resetStatements", "policy.verifiers[1]", "policy.verifiers[0]", "policy.verifiers"],
        ["statement"] = [.. Signature, "id", "title", "speaker", "parties", "parties[2]", "sourceUrl", "sourceSha256", "quotes", "quotes[0].text", "quotes[1].text", "quotes[0].lang"],
        ["commitment"] = [.. Signature, "id", "agreement", "responsibleParties", "responsibleParties[0]", "responsibleParties[1]", "text", "statements", "statements[1]", "madeOn", "dueDate"],
        ["indicator"] =
        [
            .. Signature, "id", "commitment", "reporter", "name", "unit", "dataSource", "verificationProtocol", "caveat", "measureType", "dimensions", "dimensions.Component",
            "dimensions.component", "dimensions.d0", "baseline", "baseline.value", "targets", "targets[0]", "targets[1]", "targets[0].relativeChange", "targets[0].value",
            "targets[0].note", "pairedIndicator", "lag", "provisionalMonths",
        ],
        ["measurement"] =
        [
            .. Signature, "indicator", "period", "dimensions.drug", "dimensions.component", "value", "source.dataset", "source.url", "source.fileSha256", "evidence",
            "evidence[1]", "note", "supersedes",
        ],
        ["attestation"] = [.. Signature, "measurement", "verdict", "figure", "reason", "evidence", "evidence[0]"],
        ["acceptance"] = [.. Signature, "entry", "note"],
        ["objection"] = [.. Signature, "entry", "reason", "evidence", "evidence[0]"],
    };

    /// <summary>Rows per table (accepted, refused), the valid record counted among the accepted.</summary>
    static readonly Dictionary<string, (int Accepted, int Refused)> RowCounts = new(StringComparer.Ordinal)
    {
        ["genesis"] = (2, 12),
        ["party"] = (4, 26),
        ["key"] = (6, 21),
        ["agreement"] = (4, 16),
        ["policy"] = (13, 28),
        ["statement"] = (12, 47),
        ["commitment"] = (8, 22),
        ["indicator"] = (19, 61),
        ["measurement"] = (12, 41),
        ["attestation"] = (21, 45),
        ["acceptance"] = (5, 13),
        ["objection"] = (2, 15),
    };

    [Fact]
    public void Tables_OneForEveryKind() =>
        Assert.Equal(RecordKinds.All.Select(k => k.Name).Order(StringComparer.Ordinal), Tables.Select(t => t.Name).Where(n => n != "genesis").Order(StringComparer.Ordinal));

    [Fact]
    public void Tables_RefuseOnTheListedFields()
    {
        var covered = Tables.SelectMany(t => t.Rows.Where(r => !r.IsAccepted).Select(r => $"{t.Name} {r.Field}")).Distinct().Order(StringComparer.Ordinal);
        var listed = RefusedFields.SelectMany(p => p.Value.Select(field => $"{p.Key} {field}")).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(listed, covered);
    }

    [Fact]
    public void Tables_HoldTheListedNumberOfRows() =>
        Assert.Equal(
            RowCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value.Accepted}+{c.Value.Refused}"),
            Tables.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => $"{t.Name} {t.Rows.Count(r => r.IsAccepted)}+{t.Rows.Count(r => !r.IsAccepted)}"));

    [Fact]
    public void Tables_EveryRowNamesAFragmentOfItsMessage() =>
        Assert.All(Tables.SelectMany(t => t.Rows).Where(r => !r.IsAccepted), r => Assert.False(string.IsNullOrWhiteSpace(r.Fragment), r.Name));
}
