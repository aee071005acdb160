namespace OutcomeLedger.Core.Reports;

/// <summary>
/// One entry logged between the two checkpoints of a <see cref="LedgerDiff"/>: what it did (<see cref="Kind"/>), who
/// signed it, what it is about, and the commitments it concerns. Figures are the logged decimals, exact.
/// </summary>
public sealed record DiffChange
{
    /// <summary>The entry's log index.</summary>
    public required ulong Entry { get; init; }

    public required DiffChangeKind Kind { get; init; }

    /// <summary>The party that signed the entry.</summary>
    public required string Author { get; init; }

    /// <summary>
    /// What the entry is about: the id of the statement, commitment, indicator or agreement; the agreement of a policy;
    /// the id of the commitment, indicator or policy's agreement whose terms are accepted or contested; the indicator of a value.
    /// </summary>
    public required string Subject { get; init; }

    /// <summary>The agreement concerned, when the entry belongs to one.</summary>
    public string? Agreement { get; init; }

    /// <summary>The commitments concerned (those citing a statement, the commitment an indicator or value measures…).</summary>
    public IReadOnlyList<string> Commitments { get; init; } = [];

    /// <summary>The entry this one acts on: the terms accepted or contested, the value corrected, attested or disputed.</summary>
    public ulong? Target { get; init; }

    /// <summary>The period of a value (added, corrected, confirmed or disputed).</summary>
    public string? Period { get; init; }

    /// <summary>A value's dimensions, for a disaggregated series.</summary>
    public IReadOnlyDictionary<string, string>? Dimensions { get; init; }

    /// <summary>The value logged; a dispute's or a resolution's figure.</summary>
    public decimal? Value { get; init; }

    /// <summary>The value a correction replaces, or the value a dispute contests.</summary>
    public decimal? Previous { get; init; }

    /// <summary>Words the entry carries: a statement's title, a commitment's text, an indicator's name, a reason.</summary>
    public string? Text { get; init; }
}
