using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Api.Features.Review;

/// <summary><c>GET /api/v1/review/{party}</c>: what awaits a party's attestation, as <c>outcomes review --as party --json</c> lists it.</summary>
internal static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReview(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/review").WithTags("Review");
        group.MapGet("/{party}", GetAsync).WithName("GetReviewQueue").WithSummary("What awaits a party's attestation");
        return group;
    }

    static async Task<Results<Ok<ReviewQueueView>, ProblemHttpResult>> GetAsync(string party, ServedLedger ledger, CancellationToken cancellationToken)
    {
        if (party.Length > 100)
        {
            return ApiProblem.BadRequest("party", "a party id has at most 100 characters");
        }

        return TypedResults.Ok(ReviewQueueView.Of(await ledger.Session.ReviewQueueAsync(new PartyId(party), cancellationToken)));
    }
}
