using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Search;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/search?q=</c>: statements, commitments and indicators whose words hold every word of the query, searched on the
/// server (no script); a query longer than <see cref="LedgerSearch.MaxLength"/> is refused with a one-line message.
/// </summary>
public sealed partial class SearchPage
{
    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Query { get; set; } = "";

    [Parameter]
    public string? Error { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<SearchHit> Hits { get; set; } = [];

    TextCatalogue Text => Request.Text;

    internal static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var query = context.Request.Query["q"].ToString().Trim();
        string? error = null;
        IReadOnlyList<SearchHit> hits = [];
        if (query.Length > LedgerSearch.MaxLength)
        {
            error = TextCatalogue.Fill(request.Text.Chart.QueryTooLong, ("max", LedgerSearch.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            query = query[..LedgerSearch.MaxLength];
        }
        else if (query.Length > 0)
        {
            hits = await ledger.ReadAsync(state => LedgerSearch.Find(state, query), cancellationToken);
        }

        return await DashboardResults.PageAsync<SearchPage>(request, new()
        {
            [nameof(Request)] = request,
            [nameof(Query)] = query,
            [nameof(Error)] = error,
            [nameof(Hits)] = hits,
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
