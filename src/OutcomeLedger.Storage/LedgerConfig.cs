using System.Text.Json.Serialization;

namespace OutcomeLedger.Storage;

/// <summary>
/// A ledger folder's <c>ledger.json</c>: its format, origin, engine and evidence folder. Evidence is written only when a
/// folder was chosen, so ledger.json stays as earlier versions wrote it otherwise.
/// </summary>
internal sealed record LedgerConfig(int Format, string Origin, string Database, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Evidence = null);
