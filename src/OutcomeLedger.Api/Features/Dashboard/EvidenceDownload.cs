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

        var file = await ledger.Folder.Blobs.OpenReadAsync(sha256, cancellationToken);
        if (file is null)
        {
            await ApiProblem.NotFound($"evidence {sha256} is not in this server's blob store").ExecuteAsync(context);
            return;
        }

        await using (file)
        {
            // The store's stream checks the content against its address when it ends (IBlobStore): the last chunk is held
            // back until then, so a client never completes a file that fails the check.
            var buffer = new byte[81920];
            var held = new byte[81920];
            int heldLength;
            try
            {
                heldLength = await file.ReadAtLeastAsync(held, 512, throwOnEndOfStream: false, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                Aborted(context, loggers, e);
                return;
            }

            var name = await ledger.ReadAsync(state => state.Measurements.Values
                .Select(m => m.Record.Source)
                .FirstOrDefault(s => s.FileSha256 == sha256 && s.FileName is not null)?.FileName, cancellationToken);
            var (type, extension) = TypeOf(held.AsSpan(0, Math.Min(heldLength, 512)), name);
            var response = context.Response;
            response.ContentType = type;
            response.ContentLength = file.Length;
            response.Headers.ContentDisposition = $"attachment; filename=\"{sha256}{extension}\"";
            // Content-addressed: the bytes at this address never change.
            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            response.Headers.ETag = $"\"{sha256}\"";

            try
            {
                int read;
                while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await response.Body.WriteAsync(held.AsMemory(0, heldLength), cancellationToken);
                    (buffer, held, heldLength) = (held, buffer, read);
                }
            }
            catch (InvalidDataException e)
            {
                Aborted(context, loggers, e);
                return;
            }

            await response.Body.WriteAsync(held.AsMemory(0, heldLength), cancellationToken);
        }
    }

    static void Aborted(HttpContext context, ILoggerFactory loggers, InvalidDataException e)
    {
        loggers.CreateLogger(typeof(EvidenceDownload)).LogError("{Problem}; the download was aborted", e.Message);
        context.Abort();
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
