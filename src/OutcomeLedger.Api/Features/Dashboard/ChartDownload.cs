using System.Text;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/charts/{indicator}.svg</c> and <c>/charts/{indicator}.csv</c>: one series' chart as an SVG file (the same chart
/// as the pages', with its styles inside) and its values as CSV, at the latest checkpoint, always as a download.
/// Query: <c>series</c> (its position on the indicator, from 0), <c>window=full</c> for the whole history, <c>lang</c>.
/// </summary>
internal static class ChartDownload
{
    public static async Task<IResult> GetAsync(string id, string format, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var text = request.Text;
        if (format is not ("svg" or "csv"))
        {
            return ApiProblem.BadRequest("format", "a chart downloads as .svg or .csv");
        }

        var index = 0;
        if (context.Request.Query.TryGetValue("series", out var seriesText) && (!int.TryParse(seriesText.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index) || index > 1000))
        {
            return ApiProblem.BadRequest("series", "series is the series' position on the indicator, a whole number from 0");
        }

        var window = WindowOf(context);
        var commitmentId = await ledger.ReadAsync(state => state.Indicators.TryGetValue(new Core.Ledger.IndicatorId(id), out var i) ? i.Record.Commitment : (Core.Ledger.CommitmentId?)null, cancellationToken);
        var found = commitmentId is { } cid ? await CommitmentPage.FindAsync(ledger, cid, cancellationToken) : null;
        var indicator = found?.Commitment.Indicators.FirstOrDefault(i => i.Id == id);
        if (found is not var (_, commitment) || indicator is null || index >= indicator.Series.Count)
        {
            return await DashboardResults.MessageAsync(request, text.NotFound, TextCatalogue.Fill(text.IndicatorNotFound, ("id", Parties.PartyEndpoints.Clip(id))), StatusCodes.Status404NotFound);
        }

        var series = indicator.Series[index];
        var body = format == "svg"
            ? ScorecardChart.Standalone(indicator, series, commitment, TimeAxis.For(commitment, window), text)
            : ScorecardChart.Csv(indicator, series, text);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ScorecardChart.FileName(indicator, series, format)}\"";
        return Results.Text(body, format == "svg" ? "image/svg+xml" : "text/csv", Encoding.UTF8);
    }

    /// <summary>
    /// <c>/charts/{indicator}/revisions.svg</c> and <c>.csv</c>: one value's revision chart as an SVG file and its figures
    /// as CSV, always as a download. Query as the revisions page's: <c>period</c>, each <c>dim</c> as <c>name=value</c>, <c>lang</c>.
    /// </summary>
    public static async Task<IResult> GetRevisionsAsync(string id, string format, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        if (format is not ("svg" or "csv"))
        {
            return ApiProblem.BadRequest("format", "a chart downloads as .svg or .csv");
        }

        var (revisions, failure) = await RevisionsPage.FindAsync(id, context, request, ledger, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var body = format == "svg" ? ScorecardChart.StandaloneRevisions(revisions!, request.Text) : ScorecardChart.RevisionsCsv(revisions!, request.Text);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ScorecardChart.RevisionsFileName(revisions!, format)}\"";
        return Results.Text(body, format == "svg" ? "image/svg+xml" : "text/csv", Encoding.UTF8);
    }

    /// <summary>A revision download's address: <c>/charts/{indicator}/revisions.{format}?period=…&amp;dim=…&amp;lang=…</c>.</summary>
    internal static string RevisionsUrl(string indicator, Core.Ledger.Period period, IReadOnlyDictionary<string, string> dimensions, string format, TextCatalogue text) =>
        $"/charts/{Uri.EscapeDataString(indicator)}/revisions.{format}?{RevisionsPage.Query(period, dimensions, text)}";

    /// <summary>The chart window a request asks for: <c>window=full</c> for the whole history, else the assessment window.</summary>
    internal static ChartWindow WindowOf(HttpContext context) =>
        string.Equals(context.Request.Query["window"].ToString(), "full", StringComparison.Ordinal) ? ChartWindow.Full : ChartWindow.Assessment;

    /// <summary>A download's address: <c>/charts/{indicator}.{format}?series=…&amp;lang=…</c>, with <c>window=full</c> when asked.</summary>
    internal static string Url(string indicator, int series, string format, ChartWindow window, TextCatalogue text) =>
        $"/charts/{Uri.EscapeDataString(indicator)}.{format}?series={series}&lang={text.Code}{(window == ChartWindow.Full ? "&window=full" : "")}";
}
