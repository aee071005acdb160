using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Api.Access;
using OutcomeLedger.Api.Features.Entries;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>
/// Witnesses hand their cosignatures of a checkpoint back to the log, which stores them and serves them with the
/// checkpoint from then on. A cosignature authenticates itself: it must verify with a witness key listed in the ledger
/// folder's <c>witnesses.txt</c> (one cosignature/v1 verifier key a line), so no token is needed — except on a private
/// ledger, where the answers (which sizes have checkpoints) would tell anyone the log's size and batch history: there a
/// request without a valid token is answered 401 before anything is read or looked up.
/// </summary>
// c2sp.org/tlog-cosignature
internal static class CosignatureEndpoints
{
    public const string WitnessesFile = "witnesses.txt";
    const int MaxBody = 16 * 1024;

    public static IEndpointRouteBuilder MapCosignatures(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/checkpoints/{size}/cosignatures", AddAsync).WithTags("Log").WithName("AddCosignatures").WithSummary("Adds witnesses' cosignatures to a checkpoint the log signed")
            .RequireRateLimiting(EntryEndpoints.WritePolicy)
            .Accepts<string>("text/plain")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    static async Task<Results<NoContent, ProblemHttpResult>> AddAsync(
        ulong size, HttpContext context, ServedLedger ledger, CheckpointCache checkpoint, LedgerServerOptions options, WriteAccess access, Metrics.LedgerMetrics metrics, CancellationToken cancellationToken)
    {
        if (options.Private && access.Authenticate(context, out var unauthorized) is null)
        {
            return unauthorized!;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxBody)
        {
            context.Response.Headers.Connection = "close";
            return ApiProblem.TooLarge(MaxBody);
        }

        var stored = await ledger.Store.GetCheckpointAsync(size, cancellationToken);
        if (stored is null)
        {
            return ApiProblem.NotFound($"there is no checkpoint of size {size}");
        }

        var witnesses = Witnesses(ledger);
        var lines = new string(buffer, 0, read).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").ToList();
        if (lines.Count == 0)
        {
            return ApiProblem.BadRequest("body", "send one or more note signature lines ('— <name> <base64>')");
        }

        var text = SignedNote.TryParse(Encoding.UTF8.GetBytes(stored.Note), out var note, out _) ? note.Text : throw new InvalidDataException($"the stored checkpoint of size {size} does not parse");
        foreach (var line in lines)
        {
            if (!SignedNote.TryParse(Encoding.UTF8.GetBytes(text + "\n" + line), out var candidate, out var error))
            {
                return ApiProblem.Refused([new("body", "not a note signature line: " + error.Message)]);
            }

            var signature = candidate.Signatures.Single();
            if (!witnesses.TryGet(signature.KeyName, signature.KeyId, out _))
            {
                return ApiProblem.Forbidden($"{signature} is not a witness this log accepts (see {WitnessesFile})");
            }

            if (!candidate.TryVerify(witnesses, out _, out var verifyError))
            {
                return ApiProblem.Refused([new("body", $"the cosignature by {signature} does not verify: {verifyError.Message}")]);
            }
        }

        foreach (var line in lines)
        {
            await ledger.Store.AddCosignatureAsync(size, line, cancellationToken);
            metrics.Cosigned(line[2..line.IndexOf(' ', 2)]);
        }

        checkpoint.Invalidate();

        return TypedResults.NoContent();
    }

    static NoteVerifierSet Witnesses(ServedLedger ledger)
    {
        var path = ledger.Folder.Path is { } folder ? Path.Combine(folder, WitnessesFile) : null;
        var keys = path is not null && File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            : [];
        return NoteVerifierSet.TryParse(keys, out var set, out var error) ? set : throw new InvalidDataException($"{WitnessesFile}: {error.Message}");
    }
}
