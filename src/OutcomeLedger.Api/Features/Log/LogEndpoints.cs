using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Core.Transparency;
using OutcomeLedger.Core.Transparency.Tiles;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>The log as C2SP tlog-tiles (checkpoint, hash tiles, entry bundles), receipts and consistency proofs.</summary>
// c2sp.org/tlog-tiles
internal static class LogEndpoints
{
    public const string CheckpointCache = "no-cache";
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapLog(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/checkpoint", GetCheckpointAsync).WithTags("Log").WithName("GetCheckpoint");
        routes.MapGet("/tile/{**path}", GetTileAsync).WithTags("Log").WithName("GetTile");
        var api = routes.MapGroup("/api").WithTags("Log");
        api.MapGet("/entries/{index}/receipt", GetReceiptAsync).WithName("GetReceipt");
        api.MapGet("/consistency", GetConsistencyAsync).WithName("GetConsistency");
        return routes;
    }

    static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCheckpointAsync(ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        var latest = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        if (latest is null)
        {
            return ApiProblem.NotFound("the log has no entries yet");
        }

        // The checkpoint changes with every batch: caches must revalidate.
        context.Response.Headers.CacheControl = CheckpointCache;
        return TypedResults.Text(latest.Note, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTileAsync(string path, ServedLedger ledger, HttpContext context, CancellationToken cancellationToken)
    {
        if (!TileId.TryParse("tile/" + path, out var tile, out var error))
        {
            return ApiProblem.NotFound(error);
        }

        byte[]? bytes;
        if (tile.IsEntries)
        {
            var leaves = await ledger.Store.ReadLeavesAsync(tile.Index * TileId.FullWidth, tile.Width, cancellationToken);
            bytes = leaves.Count == tile.Width ? EntryBundle.Encode([.. leaves.Select(l => (ReadOnlyMemory<byte>)l.Data)]) : null;
        }
        else
        {
            bytes = await ledger.ReadTileAsync(tile.Level, tile.Index, tile.Width, cancellationToken);
        }

        if (bytes is null)
        {
            return ApiProblem.NotFound($"{tile.Path} is not in the log (yet)");
        }

        // A full tile never changes; a partial one is replaced by a wider one at another path, so it never changes either.
        context.Response.Headers.CacheControl = ImmutableCache;
        return TypedResults.Bytes(bytes, "application/octet-stream");
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
        context.Response.Headers.CacheControl = CheckpointCache;
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
