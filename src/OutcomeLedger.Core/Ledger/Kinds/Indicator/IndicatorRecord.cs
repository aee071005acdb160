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

    /// <summary>How often the source publishes; omitted when not declared.</summary>
    public ReleaseCadence? Cadence { get; init; }

    /// <summary>
    /// How long after a period ends its value is usually published, as an ISO 8601 duration ("P2W", "P4M"; see
    /// <see cref="ReleaseLag"/>); omitted when not declared, and the evaluation then assumes <see cref="ReleaseLag.Default"/>.
    /// </summary>
    public string? Lag { get; init; }

    /// <summary>The latest months of a series whose values the source still revises (provisional); omitted when not declared.</summary>
    public int? ProvisionalMonths { get; init; }

    /// <summary>The declared lag, or <see cref="ReleaseLag.Default"/> when none is declared (or it does not read).</summary>
    public ReleaseLag ReleaseLagOrDefault() => ReleaseLag.TryParse(Lag, out var lag) ? lag : ReleaseLag.Default;

    /// <summary>Whether the indicator declares anything about its source's releases.</summary>
    public bool DeclaresReleases() => Cadence is not null || Lag is not null || ProvisionalMonths is not null;

    [System.Text.Json.Serialization.JsonIgnore]
    public override string Kind => "indicator";
}
