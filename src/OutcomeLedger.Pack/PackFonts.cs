using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace OutcomeLedger.Pack;

/// <summary>
/// DejaVu Sans, bold and mono, read from the assembly (Fonts/, with its licence): every Spanish glyph, and the same
/// font program on every machine, so the same checkpoint gives the same PDF bytes anywhere. Also the charts' only
/// typeface: whatever family an SVG names, its text is set in DejaVu Sans (bold from weight 600).
/// </summary>
internal sealed class PackFonts : ITypefaceProvider, IDisposable
{
    public PackFonts()
    {
        Regular = Load("DejaVuSans.ttf");
        Bold = Load("DejaVuSans-Bold.ttf");
        Mono = Load("DejaVuSansMono.ttf");
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Mono { get; }

    public SKTypeface FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        fontWeight >= SKFontStyleWeight.SemiBold ? Bold : Regular;

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
        Mono.Dispose();
    }

    static SKTypeface Load(string name)
    {
        using var stream = typeof(PackFonts).Assembly.GetManifestResourceStream("OutcomeLedger.Pack.Fonts." + name)
            ?? throw new InvalidOperationException($"the font {name} is missing from {typeof(PackFonts).Assembly.GetName().Name}");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"the font {name} cannot be read");
    }
}
