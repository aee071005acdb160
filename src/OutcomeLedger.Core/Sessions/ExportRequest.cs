using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Sessions;

/// <summary>A spreadsheet export to build: the agreement, at a checkpoint size (the latest when null), in a language.</summary>
public sealed record ExportRequest
{
    public required AgreementId Agreement { get; init; }

    public ulong? At { get; init; }

    public required ScorecardLanguage Language { get; init; }
}
