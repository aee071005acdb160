using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Reports;
using SkiaSharp;
using Svg.Skia;

namespace OutcomeLedger.Pack;

/// <summary>
/// Lays a pack's blocks onto pages top to bottom: headings kept with what follows, paragraphs wrapped at word
/// boundaries (a word longer than the line, such as a hash, at characters), table rows never split (headings repeated
/// on a new page), charts scaled to the text width with their key below. The result is, per page, the drawing calls;
/// <see cref="PackPdf"/> replays them once the page count is known, for the footers.
/// </summary>
internal sealed class PackLayout : IDisposable
{
    const float Margin = 48;
    const float Top = 38;
    const float Bottom = 50;
    const float CellPad = 2.6f;

    static readonly SKColor Ink = new(0x1f, 0x29, 0x33);
    static readonly SKColor Muted = new(0x52, 0x60, 0x6d);
    static readonly SKColor Line = new(0xd9, 0xe2, 0xec);
    static readonly SKColor Soft = new(0xf5, 0xf7, 0xfa);

    readonly PackFonts _fonts;
    readonly float _width;
    readonly float _height;
    readonly Dictionary<SKTypeface, TextShaper> _shapers = [];
    readonly List<List<Action<SKCanvas>>> _pages = [];
    readonly List<SKSvg> _charts = [];
    readonly Dictionary<string, SKPicture?> _pictures = new(StringComparer.Ordinal);
    readonly Dictionary<(SKTypeface, float), SKFont> _fontCache = [];
    float _y;

    public PackLayout(PackFonts fonts, float width, float height)
    {
        _fonts = fonts;
        _width = width;
        _height = height;
        NewPage();
    }

    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => _pages;

    float Text => _width - (2 * Margin);

    float End => _height - Bottom;

    List<Action<SKCanvas>> Page => _pages[^1];

    public void Lay(IReadOnlyList<PackBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case PackPageBreak:
                    if (Page.Count > 0)
                    {
                        NewPage();
                    }

                    break;
                case PackHeading h:
                    Heading(h, i + 1 < blocks.Count && blocks[i + 1] is PackChart next ? ChartHeight(next) : 60);
                    break;
                case PackParagraph p:
                    Paragraph(p);
                    break;
                case PackTable t:
                    Table(t);
                    break;
                case PackChart c:
                    Chart(c, Tail(blocks, i + 1));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(blocks), blocks[i].GetType().Name, "a block the PDF cannot lay out");
            }
        }
    }

    public void Footer(SKCanvas canvas, string left, string right)
    {
        var font = Font(_fonts.Regular, 7.5f);
        var y = _height - 28;
        using var rule = Stroke(Line, 0.5f);
        canvas.DrawLine(Margin, y - 10, _width - Margin, y - 10, rule);
        DrawText(canvas, left, Margin, y, font, Muted);
        DrawText(canvas, right, _width - Margin - Measure(right, font), y, font, Muted);
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }

        foreach (var chart in _charts)
        {
            chart.Dispose();
        }

        foreach (var font in _fontCache.Values)
        {
            font.Dispose();
        }
    }

    void NewPage()
    {
        _pages.Add([]);
        _y = Top;
    }

    // Starts a new page unless `height` fits below the cursor (and the page has something on it already).
    void Ensure(float height)
    {
        if (_y + height > End && Page.Count > 0)
        {
            NewPage();
        }
    }

    // `keep` is how much of what follows must fit on the heading's page.
    void Heading(PackHeading heading, float keep)
    {
        var (size, before, after) = heading.Level switch
        {
            0 => (17f, 0f, 4f),
            1 => (13f, 6f, 4f),
            2 => (10.5f, 6f, 2f),
            _ => (9f, 5f, 2f),
        };
        var font = Font(_fonts.Bold, size);
        var lines = Wrap(heading.Text, font, Text);
        var height = lines.Count * size * 1.25f;
        // A heading keeps the start of what follows on its page.
        Ensure(before + height + after + keep);
        _y += _y <= Top ? 0 : before;
        foreach (var line in lines)
        {
            var y = _y + size;
            Page.Add(c => DrawText(c, line, Margin, y, font, Ink));
            _y += size * 1.25f;
        }

        if (heading.Level <= 1)
        {
            var y = _y + 2;
            Page.Add(c =>
            {
                using var rule = Stroke(Ink, heading.Level == 0 ? 1.5f : 0.75f);
                c.DrawLine(Margin, y, _width - Margin, y, rule);
            });
            _y += 4;
        }

        _y += after;
    }

    void Paragraph(PackParagraph paragraph)
    {
        var (typeface, size, color, indent) = paragraph.Style switch
        {
            PackStyle.Muted => (_fonts.Regular, 8f, Muted, 0f),
            PackStyle.Quote => (_fonts.Regular, 8.5f, new SKColor(0x33, 0x4e, 0x68), 14f),
            PackStyle.Code => (_fonts.Mono, 7.5f, Ink, 6f),
            _ => (_fonts.Regular, 9f, Ink, 0f),
        };
        var font = Font(typeface, size);
        var leading = size * 1.3f;
        var lines = Wrap(paragraph.Text, font, Text - (2 * indent));
        var first = true;
        foreach (var line in lines)
        {
            Ensure(leading);
            var y = _y;
            if (paragraph.Style == PackStyle.Quote)
            {
                Page.Add(c =>
                {
                    using var bar = Stroke(Line, 2.5f);
                    c.DrawLine(Margin + 5, y + 1, Margin + 5, y + leading + 1, bar);
                });
            }
            else if (paragraph.Style == PackStyle.Code)
            {
                Page.Add(c =>
                {
                    using var fill = new SKPaint { Color = Soft, Style = SKPaintStyle.Fill };
                    c.DrawRect(Margin, y - (first ? 2 : 0), Text, leading + (first ? 2 : 0), fill);
                });
            }

            Page.Add(c => DrawText(c, line, Margin + indent, y + size, font, color));
            _y += leading;
            first = false;
        }

        _y += paragraph.Style == PackStyle.Quote ? 2 : 5;
    }

    // A row's cells as lines in their fonts, and its height.
    (List<(PackCell Cell, SKFont Font, List<string> Lines)> Cells, float Height) Row(PackTable table, IReadOnlyList<PackCell> row)
    {
        var headed = table.Headers.Count > 0;
        var widths = table.Widths.Select(w => (float)(w * Text)).ToArray();
        var cells = row.Select((cell, i) =>
        {
            var font = cell.Code ? Font(_fonts.Mono, 7.5f) : cell.Strong || (!headed && i == 0) ? Font(_fonts.Bold, 8f) : Font(_fonts.Regular, 8f);
            return cell.Badge is null
                ? (Cell: cell, Font: font, Lines: Wrap(cell.Text, font, widths[i] - (2 * CellPad)))
                : (Cell: cell, Font: Font(_fonts.Bold, 7f), Lines: Wrap(cell.Text, Font(_fonts.Bold, 7f), widths[i] - (2 * CellPad) - 10));
        }).ToList();
        return (cells, cells.Max(c => c.Cell.Badge is null ? c.Lines.Count * RowLeading : BadgeHeight(c.Lines.Count)) + (2 * CellPad));
    }

    const float RowLeading = 8f * 1.28f;

    // The height the blocks after a chart take up to the next heading of its level or above: its figures and disputes.
    float Tail(IReadOnlyList<PackBlock> blocks, int from)
    {
        float height = 0;
        for (var i = from; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case PackHeading { Level: <= 2 }:
                case PackPageBreak:
                case PackChart:
                    return height;
                case PackHeading:
                    height += 20;
                    break;
                case PackTable table:
                    height += table.Rows.Sum(r => Row(table, r).Height) + (table.Headers.Count > 0 ? 16 : 0) + 8;
                    break;
                case PackParagraph:
                    height += 16;
                    break;
            }
        }

        return height;
    }

    void Table(PackTable table)
    {
        var headed = table.Headers.Count > 0;
        var headFont = Font(_fonts.Bold, 8f);
        var widths = table.Widths.Select(w => (float)(w * Text)).ToArray();
        var lineHeight = RowLeading;

        void Header()
        {
            var lines = table.Headers.Select((h, i) => Wrap(h, headFont, widths[i] - (2 * CellPad))).ToList();
            var height = (lines.Max(l => l.Count) * 8f * 1.3f) + (2 * CellPad);
            var y = _y;
            Page.Add(c =>
            {
                using var fill = new SKPaint { Color = Soft, Style = SKPaintStyle.Fill };
                c.DrawRect(Margin, y, Text, height, fill);
            });
            Cells(lines, widths, y, headFont, Ink, 8f * 1.3f);
            _y += height;
            Rule(_y, Muted);
        }

        if (headed)
        {
            Ensure(40);
            Header();
        }

        foreach (var row in table.Rows)
        {
            var (cells, height) = Row(table, row);
            if (_y + height > End)
            {
                NewPage();
                if (headed)
                {
                    Header();
                }
            }

            var y = _y;
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var (cell, font, lines) = cells[i];
                var left = x + CellPad;
                if (cell.Badge is { } rating)
                {
                    Page.Add(c => Badge(c, lines, rating, left, y + CellPad, font));
                }
                else
                {
                    var color = !headed && i == 0 ? Muted : Ink;
                    for (var l = 0; l < lines.Count; l++)
                    {
                        var line = lines[l];
                        var baseline = y + CellPad + (l * lineHeight) + 8f;
                        Page.Add(c => DrawText(c, line, left, baseline, font, color));
                    }
                }

                x += widths[i];
            }

            _y += height;
            Rule(_y, Line);
        }

        _y += 8;
    }

    void Cells(List<List<string>> lines, float[] widths, float y, SKFont font, SKColor color, float leading)
    {
        var x = Margin;
        for (var i = 0; i < lines.Count; i++)
        {
            var left = x + CellPad;
            for (var l = 0; l < lines[i].Count; l++)
            {
                var line = lines[i][l];
                var baseline = y + CellPad + (l * leading) + 8f;
                Page.Add(c => DrawText(c, line, left, baseline, font, color));
            }

            x += widths[i];
        }
    }

    void Rule(float y, SKColor color) => Page.Add(c =>
    {
        using var rule = Stroke(color, 0.5f);
        c.DrawLine(Margin, y, _width - Margin, y, rule);
    });

    // A chart's height at the text width, with its key (an estimate of the key's rows: one per four items).
    float ChartHeight(PackChart chart)
    {
        var bounds = Svg(chart.Svg)?.CullRect ?? SKRect.Empty;
        return bounds.Width <= 0 ? 0 : (bounds.Height * Text * 0.72f / bounds.Width) + (((chart.Legend.Count + 3) / 4) * 12) + 8;
    }

    // `tail` is what follows the chart to the end of its indicator: when only that would spill onto a new page, the chart
    // shrinks (to no less than 60%) so the indicator ends on the page, rather than leave a page with a row or two.
    void Chart(PackChart chart, float tail)
    {
        var picture = Svg(chart.Svg) ?? throw new InvalidOperationException("a chart's SVG could not be read");
        var bounds = picture.CullRect;
        var scale = Text * 0.72f / bounds.Width;
        var height = bounds.Height * scale;
        var keyHeight = ((chart.Legend.Count + 3) / 4 * 12) + 8;
        var over = _y + height + keyHeight + tail - End;
        if (over > 0 && over <= height * 0.4f)
        {
            scale *= (height - over) / height;
            height = bounds.Height * scale;
        }

        // The key below the chart: symbol and words, wrapped as a line of text.
        var font = Font(_fonts.Regular, 7.5f);
        var items = new List<(SKPicture Symbol, string Label, float X, float Row)>();
        float cx = 0, row = 0;
        foreach (var item in chart.Legend)
        {
            var symbol = Svg(item.Svg) ?? throw new InvalidOperationException("a chart key's SVG could not be read");
            var w = 12 + Measure(item.Label, font) + 12;
            if (cx > 0 && cx + w > Text)
            {
                cx = 0;
                row++;
            }

            items.Add((symbol, item.Label, cx, row));
            cx += w;
        }

        var legendHeight = items.Count == 0 ? 0 : (row + 1) * 12;
        Ensure(height + legendHeight + 6);
        var y = _y;
        Page.Add(c =>
        {
            c.Save();
            c.Translate(Margin, y);
            c.Scale(scale);
            c.DrawPicture(picture);
            c.Restore();
        });
        _y += height + 2;
        var top = _y;
        foreach (var (symbol, label, x, r) in items)
        {
            var sy = top + (r * 12);
            var sb = symbol.CullRect;
            Page.Add(c =>
            {
                c.Save();
                c.Translate(Margin + x, sy);
                c.Scale(9 / Math.Max(1, sb.Width));
                c.DrawPicture(symbol);
                c.Restore();
                DrawText(c, label, Margin + x + 12, sy + 7.5f, font, Muted);
            });
        }

        _y += legendHeight + 6;
    }

    // An SVG as a picture, its text in the pack's fonts; the SKSvg owns the picture, so it lives as long as the layout.
    SKPicture? Svg(string svg)
    {
        if (_pictures.TryGetValue(svg, out var known))
        {
            return known;
        }

        var reader = new SKSvg();
        _charts.Add(reader);
        reader.Settings.TypefaceProviders = [_fonts];
        var picture = reader.FromSvg(svg);
        _pictures[svg] = picture;
        return picture;
    }

    static float BadgeHeight(int lines) => (lines * 9f) + 4;

    // A rating's badge: its words in white on its colour, on as many lines as the column needs.
    void Badge(SKCanvas canvas, List<string> lines, Rating rating, float x, float y, SKFont font)
    {
        var width = lines.Max(l => Measure(l, font)) + 10;
        using var fill = new SKPaint { Color = RatingColor(rating), Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(x, y, x + width, y + BadgeHeight(lines.Count)), 2.5f, 2.5f, fill);
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        for (var i = 0; i < lines.Count; i++)
        {
            Shaper(font.Typeface).Draw(canvas, lines[i], x + 5, y + 9f + (i * 9f), font, paint);
        }
    }

    /// <summary>
    /// A colour per rating, apart for readers with any common colour vision (blue for on track, green only for met,
    /// orange for incremental, red for regressed); the badge always carries the rating's words too.
    /// </summary>
    internal static SKColor RatingColor(Rating rating) => rating switch
    {
        Rating.Met => new SKColor(0x1b, 0x7f, 0x3b),
        Rating.OnTrack => new SKColor(0x00, 0x5a, 0x9c),
        Rating.Incremental => new SKColor(0xa1, 0x5c, 0x00),
        Rating.Stalled => new SKColor(0x61, 0x6e, 0x7c),
        Rating.Regressed => new SKColor(0xb9, 0x1c, 0x1c),
        Rating.Unverifiable => new SKColor(0x6d, 0x28, 0xd9),
        _ => new SKColor(0x33, 0x4e, 0x68),
    };

    void DrawText(SKCanvas canvas, string text, float x, float y, SKFont font, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        Shaper(font.Typeface).Draw(canvas, text, x, y, font, paint);
    }

    TextShaper Shaper(SKTypeface typeface)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            shaper = new TextShaper(typeface);
            _shapers[typeface] = shaper;
        }

        return shaper;
    }

    float Measure(string text, SKFont font) => Shaper(font.Typeface).Measure(text, font);

    /// <summary>Lines of at most <paramref name="width"/>: broken at spaces, a longer word at characters; line breaks kept.</summary>
    List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && Measure(line, font) > width)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && Measure(line[..fit], font) > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    SKFont Font(SKTypeface typeface, float size)
    {
        if (!_fontCache.TryGetValue((typeface, size), out var font))
        {
            font = new SKFont(typeface, size) { Subpixel = true };
            _fontCache[(typeface, size)] = font;
        }

        return font;
    }

    static SKPaint Stroke(SKColor color, float width) => new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
}
