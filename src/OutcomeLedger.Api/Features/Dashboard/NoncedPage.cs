using System.Buffers.Binary;
using System.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// A kept anonymous page written with this response's CSP nonce: the page's UTF-8 bytes, kept once per checkpoint,
/// with the places where the nonce stood, so a response costs a few writes instead of building a large string.
/// Kept layout: the number of places n (4 bytes), n offsets (4 bytes each), the nonce's length in bytes (4 bytes), then
/// the page as rendered.
/// </summary>
internal sealed class NoncedPage(byte[] kept, string nonce) : IResult
{
    /// <summary>The kept form of <paramref name="html"/>, rendered with <paramref name="nonce"/>.</summary>
    public static byte[] Keep(string html, string nonce)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var page = Encoding.UTF8.GetBytes(html);
        var marker = Encoding.UTF8.GetBytes(nonce);
        var places = new List<int>();
        for (var at = page.AsSpan().IndexOf(marker); at >= 0;)
        {
            places.Add(at);
            var next = page.AsSpan(at + marker.Length).IndexOf(marker);
            at = next < 0 ? -1 : at + marker.Length + next;
        }

        var header = 4 + (4 * places.Count) + 4;
        var kept = new byte[header + page.Length];
        BinaryPrimitives.WriteInt32BigEndian(kept, places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(kept.AsSpan(4 + (4 * i)), places[i]);
        }

        BinaryPrimitives.WriteInt32BigEndian(kept.AsSpan(header - 4), marker.Length);
        page.CopyTo(kept, header);
        return kept;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        DashboardRequest.SetSecurityHeaders(httpContext);
        var count = BinaryPrimitives.ReadInt32BigEndian(kept);
        var header = 4 + (4 * count) + 4;
        var nonceLength = BinaryPrimitives.ReadInt32BigEndian(kept.AsSpan(header - 4));
        var fresh = Encoding.UTF8.GetBytes(nonce);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = kept.Length - header + (count * (fresh.Length - nonceLength));
        var from = 0;
        var cancel = httpContext.RequestAborted;
        for (var i = 0; i < count; i++)
        {
            var at = BinaryPrimitives.ReadInt32BigEndian(kept.AsSpan(4 + (4 * i)));
            await response.Body.WriteAsync(kept.AsMemory(header + from, at - from), cancel);
            await response.Body.WriteAsync(fresh, cancel);
            from = at + nonceLength;
        }

        await response.Body.WriteAsync(kept.AsMemory(header + from), cancel);
    }
}
