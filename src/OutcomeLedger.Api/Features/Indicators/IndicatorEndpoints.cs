using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Indicators;

internal static class IndicatorEndpoints
{
    public static RouteGroupBuilder MapIndicators(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/indicators").WithTags("Indicators");
        group.MapGet("/", ListAsync).WithName("ListIndicators");
        group.MapGet("/{id}", GetAsync).WithName("GetIndicator");
        return group;
    }

    static async Task<Results<Ok<Page<EntryView<IndicatorRecord>>>, ProblemHttpResult>> ListAsync(string? commitment, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("commitment", commitment)))
        {
            return problem!;
        }

        return TypedResults.Ok(await ledger.ReadAsync(state => paging.Apply(
            state.Indicators.Values.Where(l => commitment is null || l.Record.Commitment.Value == commitment).OrderBy(l => l.Index).Select(l => new EntryView<IndicatorRecord>(l))), cancellationToken));
    }

    static async Task<Results<Ok<EntryView<IndicatorRecord>>, ProblemHttpResult>> GetAsync(string id, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.ReadAsync(state => state.Indicators.TryGetValue(new IndicatorId(id), out var logged) ? new EntryView<IndicatorRecord>(logged) : null, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ApiProblem.NotFound($"indicator '{PartyEndpoints.Clip(id)}' is not in the log");
}
