using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// One thing a series still needs: more data (<see cref="Count"/> more periods, expected by <see cref="ExpectedBy"/>),
/// a baseline, acknowledgements by <see cref="Parties"/> of values from <see cref="From"/> to <see cref="To"/>
/// (at least <see cref="Count"/> of them), the disputes on <see cref="Periods"/> resolved, or current data (values after
/// <see cref="From"/>, overdue since <see cref="ExpectedBy"/>).
/// </summary>
public sealed record ScorecardNeed
{
    public required NeedCode Code { get; init; }

    /// <summary>The indicator the need is about (set on commitments and indicators, which gather their parts' needs).</summary>
    public string? Indicator { get; init; }

    /// <summary>The series' dimension values, for a disaggregated series.</summary>
    public string? Subject { get; init; }

    public PeriodType? PeriodType { get; init; }

    public int? Count { get; init; }

    /// <summary>
    /// For more data, the period by which the data would be complete if every period from the latest is reported; for
    /// current data, the month by which the value after the latest was due.
    /// </summary>
    public string? ExpectedBy { get; init; }

    /// <summary>True when the data expected by <see cref="ExpectedBy"/> is already overdue at the "as of" date; omitted otherwise.</summary>
    public bool? Overdue { get; init; }

    /// <summary>The parties whose acknowledgement would confirm the values (the counterparties of the reporter).</summary>
    public IReadOnlyList<string>? Parties { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>The disputed periods.</summary>
    public IReadOnlyList<string>? Periods { get; init; }
}
