using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Attestations;

internal static class AttestationEndpoints
{
    public static RouteGroupBuilder MapAttestations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/attestations").WithTags("Attestations");
        group.MapGet("/", ListAsync).WithName("ListAttestations").WithSummary("Lists attestations, filtered by measurement, author or verdict");
        group.MapGet("/{index}", GetAsync).WithName("GetAttestation").WithSummary("One attestation");
        PeriodAttestationEndpoint.Map(group);
        return group;
    }

    static async Task<Results<Ok<Page<EntryView<AttestationRecord>>>, ProblemHttpResult>> ListAsync(
        ulong? measurement, string? author, string? verdict, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("author", author))
            || !QueryEnum.TryParse<Verdict>(verdict, "verdict", out var wanted, out problem))
        {
            return problem!;
        }

        var page = await ledger.Session.ListAttestationsAsync(measurement, author is null ? null : new PartyId(author), wanted, paging.ToSession(), cancellationToken);
        return TypedResults.Ok(Paging.Of(page, l => new EntryView<AttestationRecord>(l)));
    }

    static async Task<Results<Ok<EntryView<AttestationRecord>>, ProblemHttpResult>> GetAsync(ulong index, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.Session.FindAttestationAsync(index, cancellationToken) is { } found
            ? TypedResults.Ok(new EntryView<AttestationRecord>(found))
            : ApiProblem.NotFound($"entry {index} is not an attestation");
}
