using Microsoft.AspNetCore.Components;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary><c>/</c>: every agreement with its commitments, their ratings and reasons, at the latest checkpoint.</summary>
public sealed partial class AgreementsPage
{
    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    /// <summary>Each agreement's scorecard, by id.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<Scorecard> Scorecards { get; set; } = [];

    TextCatalogue Text => Request.Text;

    /// <summary>The indicator's headline series (the total, else its first) as a sparkline over the commitment's assessment window.</summary>
    MarkupString Sparkline(ScorecardCommitment commitment, ScorecardIndicator indicator)
    {
        var series = indicator.Series.FirstOrDefault(s => s.Dimensions.Count == 0) ?? (indicator.Series.Count > 0 ? indicator.Series[0] : null);
        if (series is null)
        {
            return new MarkupString("");
        }

        var svg = new System.Text.StringBuilder();
        ScorecardChart.WriteSparkline(svg, indicator, series, TimeAxis.For(commitment), Text);
        return new MarkupString(svg.ToString());
    }

    internal static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var agreements = await ledger.ReadAsync(state => state.Agreements.Keys.OrderBy(a => a.Value, StringComparer.Ordinal).ToList(), cancellationToken);
        var scorecards = new List<Scorecard>();
        foreach (var id in agreements)
        {
            if ((await ScorecardEndpoints.EvaluateAsync(ledger, id, null, cancellationToken)).Scorecard is { } scorecard)
            {
                scorecards.Add(scorecard);
            }
        }

        return await DashboardResults.PageAsync<AgreementsPage>(request, new()
        {
            [nameof(Request)] = request,
            [nameof(Scorecards)] = scorecards,
        });
    }
}
