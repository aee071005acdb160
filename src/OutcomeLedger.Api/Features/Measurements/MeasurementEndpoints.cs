using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;
using MeasurementQuery = OutcomeLedger.Core.Sessions.MeasurementQuery;

namespace OutcomeLedger.Api.Features.Measurements;

internal static class MeasurementEndpoints
{
    public static RouteGroupBuilder MapMeasurements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/measurements").WithTags("Measurements");
        group.MapGet("/", ListAsync).WithName("ListMeasurements").WithSummary("Lists measurements, filtered by indicator, author, period or currency");
        group.MapGet("/{index}", GetAsync).WithName("GetMeasurement").WithSummary("One measurement, with its attestations");
        return group;
    }

    /// <summary>Filters: indicator, author, period, and current (only measurements not superseded by a correction).</summary>
    static async Task<Results<Ok<Page<MeasurementView>>, ProblemHttpResult>> ListAsync(
        string? indicator, string? author, string? period, bool? current, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem)
            || !Paging.FiltersFit(out problem, ("indicator", indicator), ("author", author), ("period", period)))
        {
            return problem!;
        }

        Period? wanted = null;
        if (period is not null)
        {
            if (!Period.TryParse(period, out var parsed))
            {
                return ApiProblem.BadRequest("period", "period is YYYY-MM, YYYY-Qn or YYYY");
            }

            wanted = parsed;
        }

        var query = new MeasurementQuery
        {
            Indicator = indicator is null ? null : new IndicatorId(indicator),
            Author = author is null ? null : new PartyId(author),
            Period = wanted,
            IncludeSuperseded = current != true,
        };
        return TypedResults.Ok(Paging.Of(await ledger.Session.ListMeasurementsAsync(query, paging.ToSession(), cancellationToken), MeasurementView.From));
    }

    static async Task<Results<Ok<MeasurementView>, ProblemHttpResult>> GetAsync(ulong index, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.Session.FindMeasurementAsync(index, cancellationToken) is { } found
            ? TypedResults.Ok(MeasurementView.From(found))
            : ApiProblem.NotFound($"entry {index} is not a measurement");
}
