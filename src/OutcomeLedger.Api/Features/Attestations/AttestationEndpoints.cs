using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Attestations;

internal static class AttestationEndpoints
{
    public static RouteGroupBuilder MapAttestations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/attestations").WithTags("Attestations");
        group.MapGet("/", ListAsync).WithName("ListAttestations");
        group.MapGet("/{index}", GetAsync).WithName("GetAttestation");
        return group;
    }

    static IEnumerable<Logged<AttestationRecord>> All(LedgerState state) =>
        state.Measurements.Values.SelectMany(m => m.Attestations).OrderBy(a => a.Index);

    static async Task<Results<Ok<Page<EntryView<AttestationRecord>>>, ProblemHttpResult>> ListAsync(
        ulong? measurement, string? author, string? verdict, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("author", author))
            || !QueryEnum.TryParse<Verdict>(verdict, "verdict", out var wanted, out problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await ledger.ReadAsync(state => paging.Apply(All(state)
            .Where(a => (measurement is null || a.Record.Measurement == measurement)
                && (author is null || a.Record.Author.Value == author)
                && (wanted is null || a.Record.Verdict == wanted))
            .Select(l => new EntryView<AttestationRecord>(l))), cancellationToken));
    }

    static async Task<Results<Ok<EntryView<AttestationRecord>>, ProblemHttpResult>> GetAsync(ulong index, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.ReadAsync(state => All(state).FirstOrDefault(a => a.Index == index) is { } found ? new EntryView<AttestationRecord>(found) : null, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : ApiProblem.NotFound($"entry {index} is not an attestation");
}
