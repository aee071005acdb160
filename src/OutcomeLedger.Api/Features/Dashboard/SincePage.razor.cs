using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/since?from=&amp;to=</c>, "since the last meeting": the ratings that changed and the entries logged between two
/// checkpoints (<see cref="LedgerSession.DiffAsync(DiffRequest, CancellationToken)"/>, the later proven to extend the
/// earlier). Without <c>from</c> it compares the latest checkpoint with the one before it.
/// </summary>
public sealed partial class SincePage
{
    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter]
    public string? From { get; set; }

    [Parameter]
    public string? To { get; set; }

    /// <summary>What changed, or null when the request names no checkpoints (<see cref="Problem"/> says why).</summary>
    [Parameter]
    public LedgerDiff? Diff { get; set; }

    [Parameter]
    public string? Problem { get; set; }

    TextCatalogue Text => Request.Text;

    DiffText D => Text.Diff;

    internal static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, string? from, string? to, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Since);
        var text = request.Text;
        var checkpoints = await ledger.Store.GetCheckpointsAsync(cancellationToken);
        if (checkpoints.Count == 0)
        {
            return await DashboardResults.MessageAsync(request, text.Diff.PageTitle, text.Empty, StatusCodes.Status404NotFound);
        }

        from = string.IsNullOrWhiteSpace(from) ? Size(checkpoints[Math.Max(0, checkpoints.Count - 2)].Size) : from.Trim();
        to = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        LedgerDiff? diff = null;
        string? problem = null;
        var status = StatusCodes.Status200OK;
        if (from.Length > 32 || to?.Length > 32)
        {
            problem = TextCatalogue.Fill(text.Diff.NoSuchCheckpoint, ("value", from.Length > 32 ? from[..32] : to![..32]));
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            try
            {
                diff = await ledger.Session.DiffAsync(new DiffRequest { From = from, To = to, Language = TextCatalogue.TryParseLanguage(text.Code, out var language) ? language : ScorecardLanguage.English }, cancellationToken);
            }
            catch (LedgerRequestException e)
            {
                // The session's message is for operators, in English: the page says it in the reader's words.
                problem = TextCatalogue.Fill(text.Diff.NoSuchCheckpoint, ("value", e.Errors is [{ Field: "to" }] ? to! : from));
                status = StatusCodes.Status400BadRequest;
            }
        }

        return await DashboardResults.PageAsync<SincePage>(request, new()
        {
            [nameof(Request)] = request,
            [nameof(From)] = from,
            [nameof(To)] = to,
            [nameof(Diff)] = diff,
            [nameof(Problem)] = problem,
        }, status);
    }

    static string Size(ulong size) => size.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
