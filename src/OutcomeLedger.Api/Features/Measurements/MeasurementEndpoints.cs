using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Records;

namespace OutcomeLedger.Api.Features.Measurements;

internal static class MeasurementEndpoints
{
    public static RouteGroupBuilder MapMeasurements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/measurements").WithTags("Measurements");
        group.MapGet("/", ListAsync).WithName("ListMeasurements");
        group.MapGet("/{index}", GetAsync).WithName("GetMeasurement");
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

        return TypedResults.Ok(await ledger.ReadAsync(state => paging.Apply(state.Measurements.Values
            .Where(m => (indicator is null || m.Record.Indicator.Value == indicator)
                && (author is null || m.Record.Author.Value == author)
                && (period is null || m.Record.Period.ToString() == period)
                && (current != true || m.SupersededBy is null))
            .OrderBy(m => m.Index)
            .Select(MeasurementView.From)), cancellationToken));
    }

    static async Task<Results<Ok<MeasurementView>, ProblemHttpResult>> GetAsync(ulong index, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.ReadAsync(state => state.Measurements.TryGetValue(index, out var m) ? MeasurementView.From(m) : null, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ApiProblem.NotFound($"entry {index} is not a measurement");
}
