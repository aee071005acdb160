using System.Globalization;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Sessions;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/indicators/{id}</c>: an indicator's measurements, every one ever logged (corrections beside what they
/// superseded), with their verification status, source, attestations and evidence downloads, a page at a time
/// (<c>?offset=</c>, <c>?limit=</c>, as the API's lists): an indicator of 200 ports over 80 years holds 200,000 values,
/// whose one page would be 150 MB of HTML.
/// </summary>
public sealed partial class IndicatorPage
{
    /// <summary>One logged measurement, with what superseded it, the attestations on it, and how many figures its value has had (its revisions).</summary>
    public sealed record Row(ulong Index, MeasurementRecord Record, ulong? SupersededBy, MeasurementVerification Verification, IReadOnlyList<Logged<AttestationRecord>> Attestations, int Revisions = 1);

    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter, EditorRequired]
    public IndicatorRecord Indicator { get; set; } = null!;

    /// <summary>The indicator's entry in the log.</summary>
    [Parameter, EditorRequired]
    public ulong Index { get; set; }

    /// <summary>The indicator's commitment in the latest scorecard, if it is rated there.</summary>
    [Parameter]
    public ScorecardCommitment? Commitment { get; set; }

    /// <summary>The indicator as the latest scorecard rates it.</summary>
    [Parameter]
    public ScorecardIndicator? Scored { get; set; }

    /// <summary>The page of measurements shown, newest period first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<Row> Rows { get; set; } = [];

    /// <summary>Which page <see cref="Rows"/> is.</summary>
    [Parameter, EditorRequired]
    public Paging Paging { get; set; }

    /// <summary>How many measurements the indicator has in all.</summary>
    [Parameter, EditorRequired]
    public int Total { get; set; }

    /// <summary>The charts' window (<c>window=full</c> for the whole history).</summary>
    [Parameter]
    public ChartWindow Window { get; set; }

    /// <summary>The first series of the page of the table of every series (<c>?series=</c>), when the indicator has more than are charted.</summary>
    [Parameter]
    public int SeriesOffset { get; set; }

    /// <summary>Whether the blob store holds the file with this SHA-256 (else only its hash is shown).</summary>
    [Parameter, EditorRequired]
    public Func<string, bool> Deposited { get; set; } = _ => false;

    TextCatalogue Text => Request.Text;

    LocalFormat F => Text.Format;

    /// <summary>The measurement's evidence, and its source file when that is not already among it.</summary>
    static List<string> EvidenceOf(MeasurementRecord m) =>
        m.Source.FileSha256 is { } file && !m.Evidence.Contains(file) ? [.. m.Evidence, file] : [.. m.Evidence];

    internal static async Task<IResult> GetAsync(string id, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var text = request.Text;
        var indicatorId = new IndicatorId(id);
        var paging = PagingOf(context);
        // One page read from the projection's index on (indicator, period, series), not every value sorted in memory:
        // an indicator of 200 ports over 80 years holds 200,000 values.
        var indicator = await ledger.Session.FindIndicatorAsync(indicatorId, cancellationToken);
        if (indicator is null)
        {
            return await DashboardResults.MessageAsync(request, text.NotFound, TextCatalogue.Fill(text.IndicatorNotFound, ("id", Parties.PartyEndpoints.Clip(id))), StatusCodes.Status404NotFound);
        }

        var page = await ledger.Session.ListMeasurementsAsync(
            new MeasurementQuery { Indicator = indicatorId, IncludeSuperseded = true, NewestFirst = true }, paging, cancellationToken);
        // How many figures each shown value has had: only values with a correction have more than one.
        var revised = page.Items.Where(m => m.SupersededBy is not null || m.Record.Supersedes is not null).Select(m => m.SeriesKey).ToHashSet(StringComparer.Ordinal);
        var revisions = await ledger.Session.RevisionCountsAsync(revised, cancellationToken);
        var read = new
        {
            Indicator = indicator,
            Rows = page.Items.Select(m => new Row(m.Index, m.Record, m.SupersededBy, MeasurementVerification.Of(m), [.. m.Attestations], revisions.GetValueOrDefault(m.SeriesKey, 1))).ToList(),
            Total = (int)Math.Min(page.Total, int.MaxValue),
        };

        var found = await CommitmentPage.FindAsync(ledger, read.Indicator.Record.Commitment, cancellationToken);
        var deposited = await DepositedAsync(ledger, read.Rows, cancellationToken);
        return await DashboardResults.PageAsync<IndicatorPage>(request, new()
        {
            [nameof(Request)] = request,
            [nameof(Indicator)] = read.Indicator.Record,
            [nameof(Index)] = read.Indicator.Index,
            [nameof(Commitment)] = found?.Commitment,
            [nameof(Scored)] = found?.Commitment.Indicators.FirstOrDefault(i => i.Id == id),
            [nameof(Rows)] = read.Rows,
            [nameof(Paging)] = paging,
            [nameof(Total)] = read.Total,
            [nameof(Window)] = ChartDownload.WindowOf(context),
            [nameof(SeriesOffset)] = int.TryParse(context.Request.Query["series"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seriesOffset) ? seriesOffset : 0,
            [nameof(Deposited)] = new Func<string, bool>(deposited.Contains),
        });
    }

    /// <summary>
    /// The page a link asks for: <c>offset</c> zero or more, <c>limit</c> from 1 to the API's most; a value out of range
    /// or not a number is brought to the nearest one that is (a page's links are followed, not typed).
    /// </summary>
    internal static Paging PagingOf(HttpContext context)
    {
        static int Read(HttpContext context, string name, int fallback) =>
            int.TryParse(context.Request.Query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
        return new Paging(Math.Max(0, Read(context, "offset", 0)), Math.Clamp(Read(context, "limit", Paging.DefaultLimit), 1, Paging.MaxLimit));
    }

    /// <summary>The link to this indicator's page starting at <paramref name="offset"/>, keeping the language, the chart window and the page size.</summary>
    string PageLink(int offset)
    {
        var query = new List<string> { "lang=" + Text.Code };
        if (Window == ChartWindow.Full)
        {
            query.Add("window=full");
        }

        if (offset > 0)
        {
            query.Add("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        }

        if (Paging.Limit != Paging.DefaultLimit)
        {
            query.Add("limit=" + Paging.Limit.ToString(CultureInfo.InvariantCulture));
        }

        return "/indicators/" + Uri.EscapeDataString(Indicator.Id.Value) + "?" + string.Join("&", query) + "#measurements";
    }

    /// <summary>The link to the page of an indicator's table of series starting at <paramref name="offset"/>, keeping the language and the chart window.</summary>
    internal static string SeriesLink(string indicator, int offset, ChartWindow window, TextCatalogue text)
    {
        var query = new List<string> { "lang=" + text.Code };
        if (window == ChartWindow.Full)
        {
            query.Add("window=full");
        }

        if (offset > 0)
        {
            query.Add("series=" + offset.ToString(CultureInfo.InvariantCulture));
        }

        return "/indicators/" + Uri.EscapeDataString(indicator) + "?" + string.Join("&", query) + "#series-" + Uri.EscapeDataString(indicator);
    }

    /// <summary>The address of a value's revisions page (<see cref="RevisionsPage"/>), in this page's language.</summary>
    string RevisionsLink(MeasurementRecord m) => RevisionsPage.Url(Indicator.Id.Value, m.Period, m.Dimensions, Text);

    /// <summary>Which of the files the rows cite the evidence store holds (asked once per file, before rendering: the store may be a database).</summary>
    static async Task<IReadOnlySet<string>> DepositedAsync(ServedLedger ledger, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var cited = rows.SelectMany(r => r.Record.Evidence
                .Concat(r.Record.Source.FileSha256 is { } file ? [file] : [])
                .Concat(r.Attestations.SelectMany(a => a.Record.Evidence)))
            .ToHashSet(StringComparer.Ordinal);
        var deposited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sha in cited)
        {
            if (await ledger.Folder.Blobs.ContainsAsync(sha, cancellationToken))
            {
                deposited.Add(sha);
            }
        }

        return deposited;
    }
}
