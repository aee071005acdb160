using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Parties;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Statements;

internal static class StatementEndpoints
{
    public static RouteGroupBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/statements").WithTags("Statements");
        group.MapGet("/", ListAsync).WithName("ListStatements");
        group.MapGet("/{id}", GetAsync).WithName("GetStatement");
        return group;
    }

    static async Task<Results<Ok<Page<EntryView<StatementRecord>>>, ProblemHttpResult>> ListAsync(string? party, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !Paging.FiltersFit(out problem, ("party", party)))
        {
            return problem!;
        }

        return TypedResults.Ok(await ledger.ReadAsync(state => paging.Apply(
            state.Statements.Values.Where(l => party is null || l.Record.Parties.Contains(new PartyId(party))).OrderBy(l => l.Index).Select(l => new EntryView<StatementRecord>(l))), cancellationToken));
    }

    static async Task<Results<Ok<EntryView<StatementRecord>>, ProblemHttpResult>> GetAsync(string id, ServedLedger ledger, CancellationToken cancellationToken) =>
        await ledger.ReadAsync(state => state.Statements.TryGetValue(new StatementId(id), out var logged) ? new EntryView<StatementRecord>(logged) : null, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ApiProblem.NotFound($"statement '{PartyEndpoints.Clip(id)}' is not in the log");
}
