using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Records;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Parties;

internal static class PartyEndpoints
{
    public static RouteGroupBuilder MapParties(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/parties").WithTags("Parties");
        group.MapGet("/", ListAsync).WithName("ListParties").WithSummary("Lists parties, optionally by role");
        group.MapGet("/{id}", GetAsync).WithName("GetParty").WithSummary("One party, with its keys");
        return group;
    }

    static async Task<Results<Ok<Page<PartyView>>, ProblemHttpResult>> ListAsync(string? role, int? offset, int? limit, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (!Paging.TryCreate(offset, limit, out var paging, out var problem) || !QueryEnum.TryParse<PartyRole>(role, "role", out var wanted, out problem))
        {
            return problem!;
        }

        var parties = await ledger.PartiesAsync(cancellationToken);
        return TypedResults.Ok(paging.Apply(parties.Parties.Values.Where(p => wanted is null || p.Role == wanted).OrderBy(p => p.Index).Select(PartyView.From)));
    }

    static async Task<Results<Ok<PartyView>, ProblemHttpResult>> GetAsync(string id, ServedLedger ledger, CancellationToken cancellationToken) =>
        (await ledger.PartiesAsync(cancellationToken)).FindParty(new PartyId(id)) is { } found
            ? TypedResults.Ok(PartyView.From(found))
            : ApiProblem.NotFound($"party '{Clip(id)}' is not registered");

    internal static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
