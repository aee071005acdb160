using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Indicators;

internal static class IndicatorEndpoints
{
    public static RouteGroupBuilder MapIndicators(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("/", ListAsync).WithName("ListIndicators").WithSummary("Lists indicators, optionally of one commitment");
        group.MapGet("/{id}", GetAsync).WithName("GetIndicator").WithSummary("One indicator");
        return group;
    }

    static async Task<Results<Ok<Page<EntryView<IndicatorRecord>>>, ProblemHttpResult>> ListAsync(string? commitment, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("commitment", commitment)))
        {
            return problem!;
        }

        var page = await ledger.Session.ListIndicatorsAsync(commitment is null ? null : new CommitmentId(commitment), paging.ToSession(), cancellationToken);
        return TypedResults.Ok(Paging.Of(page, l => new EntryView<IndicatorRecord>(l)));
    }

    static async Task<Results<Ok<EntryView<IndicatorRecord>>, ProblemHttpResult>> GetAsync(string id, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.Session.FindIndicatorAsync(new IndicatorId(id), cancellationToken) is { } found
            ? TypedResults.Ok(new EntryView<IndicatorRecord>(found))
            : ApiProblem.NotFound($"indicator '{PartyEndpoints.Clip(id)}' is not in the log");
}
