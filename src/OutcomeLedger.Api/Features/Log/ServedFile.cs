using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace OutcomeLedger.Api.Features.Log;

/// <summary>
/// A log resource (a tile, an entry bundle, the checkpoint) as served: its bytes and entity tag, made once, then written
/// as they are by every request, with conditional GET answered by 304.
/// </summary>
internal sealed class ServedFile
{
    public static readonly StringValues OctetStream = "application/octet-stream";
    public static readonly StringValues PlainText = "text/plain; charset=utf-8";

    public ServedFile(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        // A strong tag of the content (RFC 9110 §8.8.3): 96 bits of its SHA-256.
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
    }

    public byte[] Body { get; }

    public StringValues ETag { get; }

    /// <summary>Writes the bytes with their headers, or 304 when the client's If-None-Match already names them.</summary>
    public Task WriteAsync(HttpContext context, StringValues contentType, StringValues cacheControl)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var headers = response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = ETag;
        if (Matches(context.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        headers.ContentType = contentType;
        headers.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body).AsTask();
    }

    // RFC 9110 §13.1.2: If-None-Match uses the weak comparison, and "*" matches any current representation.
    bool Matches(StringValues ifNoneMatch)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        var tag = ETag.ToString();
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == tag || (candidate.StartsWith("W/", StringComparison.Ordinal) && candidate.AsSpan(2).SequenceEqual(tag)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
