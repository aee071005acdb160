using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The projection rows a record produces once applied: the queryable tables for parties, keys, agreements, policies,
/// statements, commitments, indicators, measurements and attestations. Derived from the log only, so a rebuild
/// from the log gives the same rows.
/// </summary>
public static class Projection
{
    /// <summary>Every projection table and its columns (besides <c>key</c> and <c>log_index</c>); storage creates exactly these.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Tables = new Dictionary<string, IReadOnlyList<string>>
    {
        ["parties"] = ["name", "role"],
        ["party_keys"] = ["party", "public_key", "revoked_at"],
        ["agreements"] = ["title", "parties"],
        ["policies"] = ["agreement", "policy"],
        ["statements"] = ["date", "title", "parties", "statement_kind", "source_url"],
        ["commitments"] = ["agreement", "text", "made_on", "due_date"],
        ["indicators"] = ["commitment", "name", "unit", "reporter", "direction", "period_type"],
        ["measurements"] = ["indicator", "period", "dimensions", "value", "author", "superseded_by"],
        ["attestations"] = ["measurement", "verdict", "author", "figure"],
    };

    /// <summary>The rows for <paramref name="record"/>, applied at <paramref name="index"/> to <paramref name="state"/> (after Apply).</summary>
    public static IEnumerable<ProjectionRow> RowsFor(LedgerRecord record, ulong index, LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(state);
        var at = index.ToString(CultureInfo.InvariantCulture);
        switch (record)
        {
            case PartyRecord party:
                yield return Row("parties", party.Id.Value, index, ("name", party.Name), ("role", Name(party.Role)));
                foreach (var key in party.Keys)
                {
                    yield return KeyRow(party.Id, key, index, revokedAt: null);
                }

                break;
            case KeyRecord key:
                var existing = state.Parties[key.Party];
                var keyId = EntryKeyId.Of(Convert.FromBase64String(key.PublicKey));
                yield return KeyRow(key.Party, key.PublicKey, index, existing.RevokedAt.TryGetValue(keyId, out var revoked) ? revoked.ToString(CultureInfo.InvariantCulture) : null);
                break;
            case AgreementRecord agreement:
                yield return Row("agreements", agreement.Id.Value, index, ("title", agreement.Title), ("parties", Json(agreement.Parties)));
                break;
            case PolicyRecord policy:
                yield return Row("policies", at, index, ("agreement", policy.Agreement.Value), ("policy", Json(policy.Policy)));
                break;
            case StatementRecord statement:
                yield return Row("statements", statement.Id.Value, index,
                    ("date", statement.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("title", statement.Title),
                    ("parties", Json(statement.Parties)), ("statement_kind", Name(statement.StatementKind)), ("source_url", statement.SourceUrl));
                break;
            case CommitmentRecord commitment:
                yield return Row("commitments", commitment.Id.Value, index, ("agreement", commitment.Agreement.Value), ("text", commitment.Text),
                    ("made_on", commitment.MadeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    ("due_date", commitment.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                break;
            case IndicatorRecord indicator:
                yield return Row("indicators", indicator.Id.Value, index, ("commitment", indicator.Commitment.Value), ("name", indicator.Name),
                    ("unit", indicator.Unit), ("reporter", indicator.Reporter.Value), ("direction", Name(indicator.Direction)), ("period_type", Name(indicator.PeriodType)));
                break;
            case MeasurementRecord measurement:
                yield return MeasurementRow(state.Measurements[index]);
                if (measurement.Supersedes is { } old)
                {
                    yield return MeasurementRow(state.Measurements[old]);
                }

                break;
            case AttestationRecord attestation:
                yield return Row("attestations", at, index, ("measurement", attestation.Measurement.ToString(CultureInfo.InvariantCulture)),
                    ("verdict", Name(attestation.Verdict)), ("author", attestation.Author.Value),
                    ("figure", attestation.Figure is { } f ? RecordJson.FormatDecimal(f) : null));
                break;
        }
    }

    static ProjectionRow MeasurementRow(MeasurementState m) =>
        Row("measurements", m.Index.ToString(CultureInfo.InvariantCulture), m.Index, ("indicator", m.Record.Indicator.Value),
            ("period", m.Record.Period.ToString()), ("dimensions", Json(m.Record.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary())),
            ("value", RecordJson.FormatDecimal(m.Record.Value)), ("author", m.Record.Author.Value),
            ("superseded_by", m.SupersededBy?.ToString(CultureInfo.InvariantCulture)));

    // The row of a key carries the index of the entry that last changed it (added, or revoked).
    static ProjectionRow KeyRow(PartyId party, string publicKey, ulong index, string? revokedAt) =>
        Row("party_keys", EntryKeyId.Of(Convert.FromBase64String(publicKey)), index, ("party", party.Value), ("public_key", publicKey), ("revoked_at", revokedAt));

    static ProjectionRow Row(string table, string key, ulong index, params (string Name, string? Value)[] columns) =>
        new(table, key, index, columns.ToDictionary(c => c.Name, c => c.Value));

    static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    static string Json<T>(T value) => JsonSerializer.Serialize(value, RecordJson.Options);
}
