using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Text;
using OutcomeLedger.Core.Transparency.Notes;
using static OutcomeLedger.Api.Features.Dashboard.DashboardPage;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/log</c>: the latest checkpoint (origin, size, root hash, the signed note), the witnesses' cosignatures on it, and
/// the in-browser check of an entry's inclusion proof.
/// </summary>
internal static class LogPage
{
    public static async Task<IResult> GetAsync(HttpContext context, ServedLedger ledger, ulong? entry, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Log);
        var text = request.Text;
        var latest = await ledger.Store.GetLatestCheckpointAsync(cancellationToken);
        var body = new StringBuilder();
        body.Append("<p>").Append(Encode(text.LogIntro)).Append("</p><h2>").Append(Encode(text.LatestCheckpoint)).Append("</h2>");
        if (latest is null)
        {
            body.Append("<p>").Append(Encode(text.Empty)).Append("</p>");
        }
        else
        {
            body.Append("<dl class=\"facts\"><dt>").Append(Encode(text.Origin)).Append("</dt><dd><code>").Append(Encode(ledger.Origin)).Append("</code></dd>")
                .Append("<dt>").Append(Encode(text.TreeSize)).Append("</dt><dd>").Append(latest.Size.ToString(CultureInfo.InvariantCulture)).Append("</dd>")
                .Append("<dt>").Append(Encode(text.RootHash)).Append(" (SHA-256, base64)</dt><dd><code>").Append(Encode(Convert.ToBase64String(latest.Root.ToArray()))).Append("</code></dd></dl>")
                .Append("<details open><summary>").Append(Encode(text.SignedNote)).Append("</summary><pre id=\"checkpoint\">").Append(Encode(latest.Note)).Append("</pre></details>")
                .Append("<h2>").Append(Encode(text.Cosignatures)).Append("</h2>");
            Cosignatures(body, latest.Note, ledger.Origin, text);
        }

        body.Append("<h2 id=\"verify\">").Append(Encode(text.VerifyTitle)).Append("</h2><p>").Append(Encode(text.VerifyExplain)).Append("</p>")
            .Append("<form id=\"verify-form\" class=\"panel\" data-messages=\"").Append(Encode(ProofCheckScript.Messages(text))).Append("\"><label for=\"entry-index\">").Append(Encode(text.EntryIndex)).Append("</label>")
            .Append("<input id=\"entry-index\" name=\"entry\" type=\"number\" min=\"0\" required value=\"").Append(entry?.ToString(CultureInfo.InvariantCulture) ?? "0").Append("\">")
            .Append("<button type=\"submit\">").Append(Encode(text.Verify)).Append("</button></form><output id=\"verify-result\" role=\"status\" aria-live=\"polite\"></output>");
        return DashboardResults.Page(request, text.Log, body.ToString(), DashboardAssets.ProofCheckScript);
    }

    static void Cosignatures(StringBuilder body, string note, string origin, TextCatalogue text)
    {
        var cosigners = SignedNote.TryParse(Encoding.UTF8.GetBytes(note), out var parsed, out _)
            ? parsed.Signatures.Where(s => s.KeyName != origin).ToList()
            : [];
        if (cosigners.Count == 0)
        {
            body.Append("<p>").Append(Encode(text.NoCosignatures)).Append("</p>");
            return;
        }

        body.Append("<div class=\"scroll\"><table><caption>").Append(Encode(text.CosignaturesCaption)).Append("</caption><thead><tr><th scope=\"col\">").Append(Encode(text.Witness))
            .Append("</th><th scope=\"col\">").Append(Encode(text.KeyId)).Append("</th><th scope=\"col\">").Append(Encode(text.CosignedAt)).Append("</th></tr></thead><tbody>");
        foreach (var cosigner in cosigners)
        {
            // c2sp.org/tlog-cosignature: the signature is an 8-byte big-endian timestamp, then the Ed25519 signature.
            var at = cosigner.Signature.Length == 72
                ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(cosigner.Signature), 253402300799)).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
                : "—";
            body.Append("<tr><td><code>").Append(Encode(cosigner.KeyName)).Append("</code></td><td><code>").Append(cosigner.KeyId.ToString("x8", CultureInfo.InvariantCulture))
                .Append("</code></td><td>").Append(Encode(at)).Append("</td></tr>");
        }

        body.Append("</tbody></table></div>");
    }
}
