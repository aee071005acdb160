using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Submissions;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Features.Entries;

/// <summary>
/// Submitting signed entries: <c>POST /api/v1/entries</c> takes any kind, <c>POST /api/v1/measurements</c> and the like only
/// their own. The body is the canonical DSSE envelope JSON, exactly as <see cref="EntryCodec.Sign"/> produces it.
/// </summary>
internal static class EntryEndpoints
{
    public const string WritePolicy = "writes";

    public static IEndpointRouteBuilder MapEntries(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").WithTags("Entries");
        api.MapPost("/entries", (HttpContext context, ServedLedger ledger, IEntrySubmitter submitter, WriteAccess access, LedgerServerOptions options) =>
            SubmitAsync(null, context, ledger, submitter, access, options))
            .WithName("SubmitEntry").WithSummary("Submits a signed entry of any kind").WithWriteMetadata();
        foreach (var recordKind in RecordKinds.All)
        {
            var kind = recordKind.Name;
            api.MapPost("/" + recordKind.Collection, (HttpContext context, ServedLedger ledger, IEntrySubmitter submitter, WriteAccess access, LedgerServerOptions options) =>
                SubmitAsync(kind, context, ledger, submitter, access, options))
                .WithName("Submit" + char.ToUpperInvariant(kind[0]) + kind[1..]).WithSummary($"Submits a signed {kind} entry").WithWriteMetadata();
        }

        api.MapGet("/entries/{index}", GetAsync).WithName("GetEntry").WithSummary("One logged entry, with its signatures").Produces<SignedEntry>(StatusCodes.Status200OK, "application/json");
        return routes;
    }

    static RouteHandlerBuilder WithWriteMetadata(this RouteHandlerBuilder endpoint) => endpoint
        .RequireRateLimiting(WritePolicy)
        .Accepts<SignedEntry>("application/json")
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    static async Task<Results<Created<EntryAcknowledgement>, Ok<EntryAcknowledgement>, ProblemHttpResult>> SubmitAsync(
        string? kind, HttpContext context, ServedLedger ledger, IEntrySubmitter submitter, WriteAccess access, LedgerServerOptions options)
    {
        var cancellationToken = context.RequestAborted;
        var token = access.Authenticate(context, out var unauthorized);
        if (token is null)
        {
            return unauthorized!;
        }

        var leaf = await ReadBodyAsync(context.Request, Math.Min(options.MaxRequestBodySize, EntryCodec.MaxEntrySize), cancellationToken);
        if (leaf is null)
        {
            // The rest of the body is not read: the connection cannot carry another request.
            context.Response.Headers.Connection = "close";
            return ApiProblem.TooLarge(Math.Min(options.MaxRequestBodySize, EntryCodec.MaxEntrySize));
        }

        var forbidden = WriteAccess.Authorize(token, leaf, await ledger.PartiesAsync(cancellationToken), kind);
        if (forbidden is not null && ledger.IsShared && await ledger.CatchUpAsync(cancellationToken))
        {
            // Another server may just have logged the party or key this entry needs.
            forbidden = WriteAccess.Authorize(token, leaf, await ledger.PartiesAsync(cancellationToken), kind);
        }

        if (forbidden is not null)
        {
            return forbidden;
        }

        var result = await submitter.SubmitAsync(leaf, cancellationToken);
        if (result is null)
        {
            return ApiProblem.Unavailable("the server is shutting down; submit again to another server or later");
        }

        var acknowledgement = new EntryAcknowledgement(result.Index ?? 0, result.LeafHash.ToHex(), result.CheckpointSize ?? ledger.Sequencer.Latest?.Size, result.Status == SubmitStatus.Duplicate);
        return result.Status switch
        {
            SubmitStatus.Accepted => TypedResults.Created($"/api/v1/entries/{result.Index}", acknowledgement),
            SubmitStatus.Duplicate => TypedResults.Ok(acknowledgement),
            _ => ApiProblem.Refused(result.Errors),
        };
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(ulong index, ServedLedger ledger, CancellationToken cancellationToken) =>
        (await ledger.Session.ReadEntriesAsync([index], cancellationToken)).TryGetValue(index, out var entry)
            ? TypedResults.Bytes(entry.Data.ToArray(), "application/json")
            : ApiProblem.NotFound($"entry {index} is not in the log");

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
