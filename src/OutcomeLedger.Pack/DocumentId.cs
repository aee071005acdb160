using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Pack;

/// <summary>
/// Skia writes a PDF/A document's id (the trailer's <c>/ID</c> and the XMP <c>DocumentID</c>/<c>InstanceID</c>) from the
/// clock, so two renderings of the same pack differ there and only there. This replaces that id, in place and at the
/// same length (the cross-reference offsets stay right), with one derived from the rest of the file: the same content
/// gives the same id, and a different content a different one, as ISO 32000 asks of <c>/ID</c>.
/// </summary>
internal static partial class DocumentId
{
    [GeneratedRegex(@"/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]", RegexOptions.CultureInvariant)]
    private static partial Regex TrailerId();

    public static byte[] MakeReproducible(byte[] pdf)
    {
        // Latin-1 maps each byte to one char, so string offsets are byte offsets.
        var text = Encoding.Latin1.GetString(pdf);
        var ids = TrailerId().Matches(text).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return pdf;
        }

        // Each id as the trailer writes it (hex) and as XMP does (uuid:8-4-4-4-12, lower case).
        var forms = ids.SelectMany(id => new[] { id, Uuid(id) }).ToList();
        var blanked = forms.Aggregate(text, (current, form) => current.Replace(form, new string('0', form.Length), StringComparison.Ordinal));
        var digest = SHA256.HashData(Encoding.Latin1.GetBytes(blanked));
        var result = text;
        for (var i = 0; i < ids.Count; i++)
        {
            var replacement = Convert.ToHexString(digest.AsSpan((i * 16) % 32, 16));
            result = result.Replace(ids[i], replacement, StringComparison.Ordinal).Replace(Uuid(ids[i]), Uuid(replacement), StringComparison.Ordinal);
        }

        return Encoding.Latin1.GetBytes(result);
    }

    static string Uuid(string hex)
    {
        var h = hex.ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }
}
