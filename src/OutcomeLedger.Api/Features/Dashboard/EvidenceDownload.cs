using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/evidence/{sha256}</c>: an evidence file from the blob store, always as a download (never rendered on this
/// origin), its type read from its first bytes. The content is hashed as it is sent; if it no longer matches its
/// address the connection is aborted, so the client never receives a complete file that is not the logged one.
/// </summary>
internal static partial class EvidenceDownload
{
    public static async Task GetAsync(string sha256, HttpContext context, ServedLedger ledger, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        DashboardRequest.SetSecurityHeaders(context);
        if (!Sha256Pattern().IsMatch(sha256))
        {
            await ApiProblem.BadRequest("sha256", "an evidence address is a SHA-256 in lowercase hex (64 characters)").ExecuteAsync(context);
            return;
        }

        var file = ledger.Folder.Blobs.OpenRead(sha256);
        if (file is null)
        {
            await ApiProblem.NotFound($"evidence {sha256} is not in this server's blob store").ExecuteAsync(context);
            return;
        }

        await using (file)
        {
            var head = new byte[Math.Min(512, (int)Math.Min(file.Length, 512))];
            await file.ReadExactlyAsync(head, cancellationToken);
            file.Position = 0;
            var name = await ledger.ReadAsync(state => state.Measurements.Values
                .Select(m => m.Record.Source)
                .FirstOrDefault(s => s.FileSha256 == sha256 && s.FileName is not null)?.FileName, cancellationToken);
            var (type, extension) = TypeOf(head, name);
            var response = context.Response;
            response.ContentType = type;
            response.ContentLength = file.Length;
            response.Headers.ContentDisposition = $"attachment; filename=\"{sha256}{extension}\"";
            // Content-addressed: the bytes at this address never change.
            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            response.Headers.ETag = $"\"{sha256}\"";

            // The last chunk is held back until the hash is checked: a client never completes a file that fails it.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            var held = new byte[81920];
            var heldLength = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                if (heldLength > 0)
                {
                    await response.Body.WriteAsync(held.AsMemory(0, heldLength), cancellationToken);
                }

                (buffer, held, heldLength) = (held, buffer, read);
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != sha256)
            {
                loggers.CreateLogger(typeof(EvidenceDownload)).LogError("Evidence {Sha256} is corrupted: its content now hashes to {Actual}; the download was aborted", sha256, actual);
                context.Abort();
                return;
            }

            await response.Body.WriteAsync(held.AsMemory(0, heldLength), cancellationToken);
        }
    }

    /// <summary>The media type by the file's signature (its name only tells CSV from other text), and an extension to save it with.</summary>
    static (string Type, string Extension) TypeOf(ReadOnlySpan<byte> head, string? name)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return ("application/pdf", ".pdf");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return ("image/png", ".png");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", ".jpg");
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ("application/zip", ".zip");
        }

        var text = head.IndexOf((byte)0) < 0;
        if (text && name is not null && (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)))
        {
            return ("text/csv; charset=utf-8", ".csv");
        }

        if (text && name is not null && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ("application/json", ".json");
        }

        return text ? ("text/plain; charset=utf-8", ".txt") : ("application/octet-stream", ".bin");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
