using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using OutcomeLedger.Core.Transparency.Merkle;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>The log as C2SP tlog-tiles (checkpoint, hash tiles, entry bundles), receipts and consistency proofs.</summary>
// c2sp.org/tlog-tiles
internal static class LogEndpoints
{
    /// <summary>A full or partial tile: a partial one is replaced by a wider one at another path, so neither ever changes.</summary>
    public static readonly StringValues ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>The checkpoint changes with every batch and cosignature: caches may keep it a second, as the server does.</summary>
    public static readonly StringValues CheckpointCacheControl = $"public, max-age={(int)CheckpointCache.MaxAge.TotalSeconds}";

    /// <summary>A receipt is for the latest checkpoint: caches must revalidate.</summary>
    public const string ReceiptCache = "no-cache";

    public static IEndpointRouteBuilder MapLog(this IEndpointRouteBuilder routes, IEndpointRouteBuilder api)
    {
        routes.MapGet("/checkpoint", GetCheckpointAsync).WithTags("Log").WithName("GetCheckpoint").WithSummary("The log's latest checkpoint, a signed note (C2SP tlog-checkpoint), cosigned by the witnesses that answered");
        routes.MapGet("/tile/{**path}", GetTileAsync).WithTags("Log").WithName("GetTile").WithSummary("A hash tile or entry bundle of the log (C2SP tlog-tiles)");
        var proofs = api.MapGroup("").WithTags("Log");
        proofs.MapGet("/entries/{index}/receipt", GetReceiptAsync).WithName("GetReceipt").WithSummary("An inclusion proof of one entry in the latest checkpoint, with that checkpoint (a receipt)");
        proofs.MapGet("/consistency", GetConsistencyAsync).WithName("GetConsistency").WithSummary("A consistency proof between two tree sizes of the log");
        return routes;
    }

    // The two hottest routes: bytes made once are written as they are, with precomputed headers.
    static async Task GetCheckpointAsync(HttpContext context, CheckpointCache checkpoint)
    {
        AllowAnyOrigin(context);
        var file = await checkpoint.GetAsync(context.RequestAborted);
        if (file is null)
        {
            await ApiProblem.NotFound("the log has no entries yet").ExecuteAsync(context);
            return;
        }

        await file.WriteAsync(context, ServedFile.PlainText, CheckpointCacheControl);
    }

    static Task GetTileAsync(string path, HttpContext context, ServedLedger ledger)
    {
        AllowAnyOrigin(context);
        return ledger.Tiles.TryGet(path, out var file)
            ? file.WriteAsync(context, ServedFile.OctetStream, ImmutableCache)
            : ReadTileAsync(path, context, ledger);
    }

    // A public ledger's checkpoint and tiles are for anyone to check, a monitor's page in a browser included: any origin
    // may read them. A private ledger's are for its token holders only, and say nothing to other origins.
    static void AllowAnyOrigin(HttpContext context)
    {
        if (!context.RequestServices.GetRequiredService<LedgerServerOptions>().Private)
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
        }
    }

    static async Task ReadTileAsync(string path, HttpContext context, ServedLedger ledger)
    {
        if (!TileId.TryParse("tile/" + path, out var tile, out var error))
        {
            await ApiProblem.NotFound(error).ExecuteAsync(context);
            return;
        }

        // A full tile is kept in the ledger's tile cache once read; a partial one is read each time.
        var file = await ledger.ReadTileFileAsync(tile, context.RequestAborted);
        if (file is null)
        {
            await ApiProblem.NotFound($"{tile.Path} is not in the log (yet)").ExecuteAsync(context);
            return;
        }

        await file.WriteAsync(context, ServedFile.OctetStream, ImmutableCache);
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetReceiptAsync(ulong index, ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        var latest = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        if (latest is null || index >= latest.Size)
        {
            return ApiProblem.NotFound($"entry {index} is not in the log (size {latest?.Size ?? 0})");
        }

        if (!SignedNote.TryParse(Encoding.UTF8.GetBytes(latest.Note), out var note, out var noteError))
        {
            throw new InvalidDataException($"the stored checkpoint of size {latest.Size} does not parse: {noteError.Message}");
        }

        var receipt = await ledger.ComputeFromTilesAsync(latest.Size, hashes => TlogProof.Create(hashes, index, note), cancellationToken);
        context.Response.Headers.CacheControl = ReceiptCache;
        return TypedResults.Bytes(receipt.ToBytes(), "text/plain; charset=utf-8");
    }

    static async Task<Results<Ok<ConsistencyView>, ProblemHttpResult>> GetConsistencyAsync(ulong? from, ulong? to, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var latest = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        var size = latest?.Size ?? 0;
        if (from is null || to is null)
        {
            return ApiProblem.BadRequest(from is null ? "from" : "to", "give both tree sizes: ?from=&to=");
        }

        if (from > to || to > size || from == 0)
        {
            return ApiProblem.BadRequest("from", $"need 0 < from ≤ to ≤ {size} (the log's size); got from={from}, to={to}");
        }

        var proof = await ledger.ComputeFromTilesAsync(size, hashes => MerkleMath.ConsistencyProof(hashes, from.Value, to.Value), cancellationToken);
        return TypedResults.Ok(new ConsistencyView(from.Value, to.Value, [.. proof.Select(h => h.ToBase64())]));
    }
}
