using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Commitments;

internal static class CommitmentEndpoints
{
    public static RouteGroupBuilder MapCommitments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/commitments").WithTags("Commitments");
        group.MapGet("/", ListAsync).WithName("ListCommitments").WithSummary("Lists commitments, optionally of one agreement");
        group.MapGet("/{id}", GetAsync).WithName("GetCommitment").WithSummary("One commitment");
        return group;
    }

    static async Task<Results<Ok<Page<EntryView<CommitmentRecord>>>, ProblemHttpResult>> ListAsync(string? agreement, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("agreement", agreement)))
        {
            return problem!;
        }

        var page = await ledger.Session.ListCommitmentsAsync(agreement is null ? null : new AgreementId(agreement), paging.ToSession(), cancellationToken);
        return TypedResults.Ok(Paging.Of(page, l => new EntryView<CommitmentRecord>(l)));
    }

    static async Task<Results<Ok<EntryView<CommitmentRecord>>, ProblemHttpResult>> GetAsync(string id, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.Session.FindCommitmentAsync(new CommitmentId(id), cancellationToken) is { } found
            ? TypedResults.Ok(new EntryView<CommitmentRecord>(found))
            : ApiProblem.NotFound($"commitment '{PartyEndpoints.Clip(id)}' is not in the log");
}
