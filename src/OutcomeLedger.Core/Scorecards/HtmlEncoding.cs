using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OutcomeLedger.Core.Scorecards;

/// <summary>
/// The one HTML encoder: the scorecard's HTML and SVG, and the server's dashboard (its Razor components get this same
/// <see cref="Encoder"/> through dependency injection), escape text with it.
/// </summary>
/// <remarks>
/// It is .NET's <see cref="HtmlEncoder"/> (part of the base framework, not of ASP.NET) allowing every Unicode range,
/// so Spanish (á, ñ, ¿) and typographic characters (—, “, ·) stay as UTF-8 rather than numeric entities. It still
/// escapes what HTML gives meaning to (&lt; &gt; &amp; " ' and +), control characters (a line break becomes
/// <c>&amp;#xA;</c>, which reads the same) and characters outside the Basic Multilingual Plane.
/// </remarks>
public static class HtmlEncoding
{
    /// <summary>The configured encoder, the same instance everywhere.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes text for HTML and SVG content and attribute values; null is empty.</summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);
}
