namespace OutcomeLedger.Core.Ledger;

/// <summary>A measurable quantity of a commitment, with its baseline, targets and how it is verified.</summary>
public sealed record IndicatorRecord : LedgerRecord
{
    public required IndicatorId Id { get; init; }

    public required CommitmentId Commitment { get; init; }

    public required string Name { get; init; }

    public required string Unit { get; init; }

    public required MeasureType MeasureType { get; init; }

    public required Direction Direction { get; init; }

    public required PeriodType PeriodType { get; init; }

    public required Aggregation Aggregation { get; init; }

    /// <summary>The party that reports this indicator's measurements.</summary>
    public required PartyId Reporter { get; init; }

    /// <summary>Disaggregation dimensions and their allowed values (e.g. drug: fentanyl, methamphetamine).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dimensions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public Baseline? Baseline { get; init; }

    public IReadOnlyList<Target> Targets { get; init; } = [];

    public required string DataSource { get; init; }

    public string? VerificationProtocol { get; init; }

    /// <summary>An indicator whose movement changes this one's reading (more seizures: more flow, or more enforcement?).</summary>
    public IndicatorId? PairedIndicator { get; init; }

    public string? PairedReading { get; init; }

    /// <summary>Plain-language caveats shown with every rating (e.g. "seizures are an ambiguous proxy").</summary>
    public string? Caveat { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "indicator";
}
