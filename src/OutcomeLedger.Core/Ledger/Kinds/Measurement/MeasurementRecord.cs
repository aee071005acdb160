namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// One value of an indicator for one period and one combination of dimension values, reported by one party. A
/// correction supersedes an earlier measurement (by its log index); nothing is deleted.
/// </summary>
public sealed record MeasurementRecord : LedgerRecord
{
    public required IndicatorId Indicator { get; init; }

    public required Period Period { get; init; }

    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();

    public required decimal Value { get; init; }

    public required MeasurementSource Source { get; init; }

    /// <summary>SHA-256 (hex) of evidence files in the blob store.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>Provisional values are expected to be revised.</summary>
    public bool Provisional { get; init; }

    public ulong? Supersedes { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "measurement";
}
