using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// A ministerial pack to build: the agreement, at a checkpoint size (the latest when null), compared with an earlier
/// checkpoint given as <see cref="Since"/>: a checkpoint size, or a date (<c>yyyy-MM-dd</c>, the latest checkpoint logged
/// on or before that day).
/// </summary>
public sealed record PackRequest
{
    public required AgreementId Agreement { get; init; }

    public ulong? At { get; init; }

    public string? Since { get; init; }

    public string? Title { get; init; }

    public required ScorecardLanguage Language { get; init; }

    /// <summary>The dates the charts span: the assessment window (the default) or the full history.</summary>
    public Scorecards.ChartWindow ChartWindow { get; init; }
}
