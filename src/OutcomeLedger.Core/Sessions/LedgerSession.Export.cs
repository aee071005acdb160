using OutcomeLedger.Core.Reports;

namespace OutcomeLedger.Core.Sessions;

// The spreadsheet export: the scorecard at a checkpoint, as rows.
public sealed partial class LedgerSession
{
    /// <summary>
    /// The rows of <see cref="ExportRequest.Agreement"/>'s spreadsheets at <see cref="ExportRequest.At"/> (the latest
    /// checkpoint when null), from the scorecard of a proven replay: every entry is checked against the signed
    /// checkpoint's tree, so a changed row stops the export naming its entry (<see cref="ReplayAsync"/>).
    /// </summary>
    public async Task<ExportWorkbook> ExportAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scorecard = await EvaluateAsync(request.Agreement, request.At, cancellationToken);
        return ExportBuilder.Build(scorecard, request.Language);
    }
}
