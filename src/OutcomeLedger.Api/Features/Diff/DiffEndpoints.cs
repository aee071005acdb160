using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Reports;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Features.Diff;

/// <summary>
/// <c>GET /api/v1/diff?from=&amp;to=</c>: what changed between two checkpoints, as <c>outcomes diff --json</c> writes it
/// (<see cref="LedgerSession.DiffAsync(DiffRequest, CancellationToken)"/>; its request errors are problems naming the field).
/// </summary>
internal static class DiffEndpoints
{
    public static IEndpointRouteBuilder MapDiff(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Diff");
        group.MapGet("/diff", GetAsync).WithName("GetDiff").WithSummary("What changed between two checkpoints, after checking the consistency proof between them").Produces<LedgerDiff>(StatusCodes.Status200OK, "application/json");
        return routes;
    }

    /// <summary>from= a checkpoint size or a date (yyyy-MM-dd), required; to= the same (the latest when absent); lang= en or es (the reasons' language).</summary>
    static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string? from, string? to, string? lang, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from) || from.Length > 32)
        {
            return ApiProblem.BadRequest("from", "give the earlier checkpoint: ?from= its size or a date (yyyy-MM-dd)");
        }

        if (to is { Length: > 32 })
        {
            return ApiProblem.BadRequest("to", "?to= is a checkpoint size or a date (yyyy-MM-dd)");
        }

        if (ScorecardEndpoints.Language(lang) is not { } language)
        {
            return ApiProblem.BadRequest("lang", "lang is en or es");
        }

        var diff = await ledger.Session.DiffAsync(new DiffRequest { From = from, To = string.IsNullOrWhiteSpace(to) ? null : to, Language = language }, cancellationToken);
        return TypedResults.Content(LedgerDiffJson.Serialize(diff), "application/json; charset=utf-8");
    }
}
