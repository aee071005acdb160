using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace OutcomeLedger.Pack;

/// <summary>
/// Shapes a line of text with HarfBuzz (kerning, marks) in one typeface, with ligatures off: a PDF maps each glyph back
/// to its characters, and a ligature glyph such as "ﬁ" would make "verified" unsearchable and copy wrongly.
/// </summary>
internal sealed class TextShaper : IDisposable
{
    const int Scale = 1 << 12;

    static readonly HarfBuzzSharp.Feature[] Features =
    [
        new(Tag.Parse("liga"), 0),
        new(Tag.Parse("clig"), 0),
        new(Tag.Parse("dlig"), 0),
    ];

    readonly Blob _blob;
    readonly Face _face;
    readonly HarfBuzzSharp.Font _font;

    public TextShaper(SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        using var stream = typeface.OpenStream(out var index);
        _blob = stream.ToHarfBuzzBlob();
        _face = new Face(_blob, index);
        _font = new HarfBuzzSharp.Font(_face);
        _font.SetScale(Scale, Scale);
        _font.SetFunctionsOpenType();
    }

    /// <summary>The glyphs of <paramref name="text"/> at <paramref name="font"/>'s size, their positions from the start, and the advance.</summary>
    public (ushort[] Glyphs, SKPoint[] Positions, float Width) Shape(string text, SKFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        _font.Shape(buffer, Features);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var scale = font.Size / Scale;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        float x = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            points[i] = new SKPoint(x + (positions[i].XOffset * scale), -positions[i].YOffset * scale);
            x += positions[i].XAdvance * scale;
        }

        return (glyphs, points, x);
    }

    public float Measure(string text, SKFont font) => Shape(text, font).Width;

    public void Draw(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint paint)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (text.Length == 0)
        {
            return;
        }

        var (glyphs, positions, _) = Shape(text, font);
        using var builder = new SKTextBlobBuilder();
        builder.AddPositionedRun(glyphs, font, positions);
        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, x, y, paint);
        }
    }

    public void Dispose()
    {
        _font.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }
}
