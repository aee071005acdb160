using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Statements;

internal static class StatementEndpoints
{
    public static RouteGroupBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/statements").WithTags("Statements");
        group.MapGet("/", ListAsync).WithName("ListStatements").WithSummary("Lists statements, optionally by party");
        group.MapGet("/{id}", GetAsync).WithName("GetStatement").WithSummary("One statement");
        return group;
    }

    static async Task<Results<Ok<Page<EntryView<StatementRecord>>>, ProblemHttpResult>> ListAsync(string? party, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("party", party)))
        {
            return problem!;
        }

        var page = party is null
            ? await ledger.Session.ListStatementsInLogOrderAsync(paging.ToSession(), cancellationToken)
            : await ledger.Session.ListStatementsOfAsync(new PartyId(party), paging.ToSession(), cancellationToken);
        return TypedResults.Ok(Paging.Of(page, l => new EntryView<StatementRecord>(l)));
    }

    static async Task<Results<Ok<EntryView<StatementRecord>>, ProblemHttpResult>> GetAsync(string id, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.Session.FindStatementAsync(new StatementId(id), cancellationToken) is { } found
            ? TypedResults.Ok(new EntryView<StatementRecord>(found))
            : ApiProblem.NotFound($"statement '{PartyEndpoints.Clip(id)}' is not in the log");
}
