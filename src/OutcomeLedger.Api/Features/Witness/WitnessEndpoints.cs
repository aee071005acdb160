using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Features.Entries;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>The tlog-witness submission API (<c>POST /add-checkpoint</c>) and the witness's public key.</summary>
// c2sp.org/tlog-witness
internal static class WitnessEndpoints
{
    public const int MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapWitness(this IEndpointRouteBuilder routes, IEndpointRouteBuilder api)
    {
        routes.MapPost("/add-checkpoint", AddCheckpointAsync).WithTags("Witness").WithName("AddCheckpoint").WithSummary("Asks this server's witness to cosign a log's checkpoint (C2SP tlog-witness)")
            .RequireRateLimiting(EntryEndpoints.WritePolicy)
            .Accepts<string>("text/plain")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces<string>(StatusCodes.Status409Conflict, "text/x.tlog.size")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/witness", GetWitnessAsync).WithTags("Witness").WithName("GetWitness").WithSummary("The witness's verifier key and the logs it witnesses");
        return routes;
    }

    static async Task<IResult> AddCheckpointAsync(HttpContext context, CheckpointWitness witness, CancellationToken cancellationToken)
    {
        // Registered by a witness server with --metrics only.
        var metrics = context.RequestServices.GetService<WitnessMetrics>();
        using var buffer = new MemoryStream();
        if (context.Request.ContentLength > MaxBody)
        {
            context.Response.Headers.Connection = "close";
            metrics?.Answered(StatusCodes.Status413PayloadTooLarge);
            return ApiProblem.TooLarge(MaxBody);
        }

        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBody)
        {
            metrics?.Answered(StatusCodes.Status413PayloadTooLarge);
            return ApiProblem.TooLarge(MaxBody);
        }

        var outcome = await witness.AddCheckpointAsync(buffer.ToArray(), cancellationToken);
        metrics?.Answered(outcome.Status);
        return outcome.Status switch
        {
            StatusCodes.Status200OK => TypedResults.Text(outcome.Body, "text/plain; charset=utf-8"),
            // The spec fixes this body: the size of the latest cosigned checkpoint and a newline.
            StatusCodes.Status409Conflict => TypedResults.Text($"{outcome.LatestSize}\n", "text/x.tlog.size", null, StatusCodes.Status409Conflict),
            _ => ApiProblem.Create(outcome.Status, outcome.Status switch
            {
                StatusCodes.Status400BadRequest => "The add-checkpoint request is malformed",
                StatusCodes.Status403Forbidden => "The checkpoint is not signed by the log",
                StatusCodes.Status404NotFound => "Unknown log",
                _ => "The consistency proof does not verify",
            }, outcome.Body),
        };
    }

    static async Task<Results<Ok<WitnessView>, ProblemHttpResult>> GetWitnessAsync(CheckpointWitness witness, CancellationToken cancellationToken) =>
        witness.VerifierKey is { } key
            ? TypedResults.Ok(new WitnessView(key.Name, key.ToString(), [.. (await witness.WitnessedLogsAsync(cancellationToken)).Select(k => k.ToString())]))
            : ApiProblem.NotFound("this server holds no witness key (the ledger was opened without its folder)");
}
