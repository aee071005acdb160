using System.Globalization;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/indicators/{id}/revisions?period=2025-03&amp;dim=name=value</c>: one value's revisions (the session's
/// <see cref="LedgerSession.ValueRevisionsAsync"/>): the chart of every figure logged for it, first to current, drawn by
/// the scorecards' chart code, its legend and downloads, and the figures as a table with release, reporter and reason.
/// </summary>
public sealed partial class RevisionsPage
{
    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter, EditorRequired]
    public ValueRevisions Revisions { get; set; } = null!;

    TextCatalogue Text => Request.Text;

    LocalFormat F => Text.Format;

    IReadOnlyList<string> Figures => _figures ??= ScorecardChart.RevisionFigures(Revisions.Revisions, F);

    IReadOnlyList<string>? _figures;

    string BackLink => "/indicators/" + Uri.EscapeDataString(Revisions.Indicator.Value) + "?lang=" + Text.Code + "#measurements";

    /// <summary>From the first figure to the current one, rounded, with the unit and the relative change (none from zero).</summary>
    string? Net
    {
        get
        {
            var list = Revisions.Revisions;
            if (list.Count < 2 || list.LastOrDefault(r => r.Current) is not { } current)
            {
                return null;
            }

            var first = list[0].Figure;
            var change = current.Figure - first;
            var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
            var percent = first == 0 ? "—" : F.SignedPercent((double)(change / first * 100m));
            return TextCatalogue.Fill(Text.Chart.RevisionsNet, ("change", sign + F.Figure(Math.Abs(change)) + " " + Revisions.Unit), ("percent", percent));
        }
    }

    MarkupString Chart()
    {
        var svg = new System.Text.StringBuilder();
        ScorecardChart.WriteRevisions(svg, Revisions, Text);
        return new MarkupString(svg.ToString());
    }

    MarkupString Legend()
    {
        var html = new System.Text.StringBuilder();
        ScorecardChart.WriteRevisionsLegend(html, Revisions, Text);
        return new MarkupString(html.ToString());
    }

    internal static async Task<IResult> GetAsync(string id, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var (revisions, failure) = await FindAsync(id, context, request, ledger, cancellationToken);
        return failure ?? await DashboardResults.PageAsync<RevisionsPage>(request, new()
        {
            [nameof(Request)] = request,
            [nameof(Revisions)] = revisions,
        });
    }

    /// <summary>
    /// The revisions a request names (<c>period</c>, each <c>dim</c> as <c>name=value</c>), or the page that says, in
    /// the reader's language, what is wrong with it: an unknown indicator or value (404), a bad period or dimension (400).
    /// </summary>
    internal static async Task<(ValueRevisions? Revisions, IResult? Failure)> FindAsync(string id, HttpContext context, DashboardRequest request, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var text = request.Text;
        var indicator = await ledger.Session.FindIndicatorAsync(new IndicatorId(id), cancellationToken);
        if (indicator is null)
        {
            return (null, await DashboardResults.MessageAsync(request, text.NotFound, TextCatalogue.Fill(text.IndicatorNotFound, ("id", Parties.PartyEndpoints.Clip(id))), StatusCodes.Status404NotFound));
        }

        var name = indicator.Record.Name;
        var periodText = context.Request.Query["period"].ToString();
        if (!Period.TryParse(periodText, out var period))
        {
            return (null, await BadRequestAsync(request, TextCatalogue.Fill(text.Chart.RevisionsBadPeriod, ("period", Parties.PartyEndpoints.Clip(periodText)), ("indicator", name))));
        }

        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in context.Request.Query["dim"].Select(d => d ?? ""))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !dimensions.TryAdd(pair[..at], pair[(at + 1)..]))
            {
                return (null, await BadRequestAsync(request, TextCatalogue.Fill(text.Chart.RevisionsBadDimension, ("dim", Parties.PartyEndpoints.Clip(pair)), ("indicator", name))));
            }
        }

        try
        {
            return (await ledger.Session.ValueRevisionsAsync(new ValueRevisionsRequest(indicator.Record.Id, period) { Dimensions = dimensions }, cancellationToken), null);
        }
        catch (LedgerRequestException e)
        {
            var dims = string.Join(", ", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value));
            return (null, e.Error switch
            {
                LedgerError.NotFound => await DashboardResults.MessageAsync(request, text.NotFound,
                    TextCatalogue.Fill(text.Chart.RevisionsNoValue, ("indicator", name), ("period", text.Format.Period(period.ToString()) + (dims.Length == 0 ? "" : " (" + dims + ")"))), StatusCodes.Status404NotFound),
                LedgerError.Refused => await BadRequestAsync(request, TextCatalogue.Fill(text.Chart.RevisionsTooMany, ("max", ValueRevisions.MaxRevisions.ToString(CultureInfo.InvariantCulture)))),
                _ when e.Errors is [{ Field: var field }] && field.StartsWith("dimensions.", StringComparison.Ordinal) => await BadRequestAsync(request, TextCatalogue.Fill(text.Chart.RevisionsBadDimension, ("dim", Parties.PartyEndpoints.Clip(dims)), ("indicator", name))),
                _ => await BadRequestAsync(request, TextCatalogue.Fill(text.Chart.RevisionsBadPeriod, ("period", period.ToString()), ("indicator", name))),
            });
        }
    }

    static Task<IResult> BadRequestAsync(DashboardRequest request, string message) =>
        DashboardResults.MessageAsync(request, request.Text.Chart.Revisions, message, StatusCodes.Status400BadRequest);

    /// <summary>The address of a value's revisions page: <c>/indicators/{id}/revisions?period=…&amp;dim=name=value…&amp;lang=…</c>.</summary>
    internal static string Url(string indicator, Period period, IReadOnlyDictionary<string, string> dimensions, TextCatalogue text) =>
        "/indicators/" + Uri.EscapeDataString(indicator) + "/revisions?" + Query(period, dimensions, text);

    /// <summary>The query naming a value: its period, each dimension value (by name), and the language.</summary>
    internal static string Query(Period period, IReadOnlyDictionary<string, string> dimensions, TextCatalogue text) =>
        "period=" + Uri.EscapeDataString(period.ToString())
        + string.Concat(dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => "&dim=" + Uri.EscapeDataString(d.Key + "=" + d.Value)))
        + "&lang=" + text.Code;
}
