using OutcomeLedger.Core.Reports;
using SkiaSharp;

namespace OutcomeLedger.Pack;

/// <summary>
/// Typesets a <see cref="PackDocument"/> as a PDF with Skia's PDF backend: text shaped by HarfBuzz in the embedded DejaVu
/// fonts, charts drawn as vectors from their SVG by Svg.Skia, PDF/A-2b metadata with the checkpoint's time as creation and
/// modification date, and a document id derived from the content (<see cref="DocumentId"/>), so the same document gives
/// the same bytes.
/// </summary>
public static class PackPdf
{
    /// <summary>The PDF of <paramref name="document"/> on <paramref name="paper"/>.</summary>
    public static byte[] Render(PackDocument document, PackPaper paper)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var fonts = new PackFonts();
        var (width, height) = paper == PackPaper.Letter ? (612f, 792f) : (595.28f, 841.89f);
        using var layout = new PackLayout(fonts, width, height);
        layout.Lay(document.Blocks);

        using var output = new MemoryStream();
        var time = document.Time.UtcDateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Subject = document.Subject,
            Creator = "OutcomeLedger (outcomes pack)",
            Producer = "OutcomeLedger",
            Creation = time,
            Modified = time,
            RasterDpi = 300,
            EncodingQuality = 101,
            PdfA = true,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            var pages = layout.Pages;
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(width, height);
                foreach (var draw in pages[i])
                {
                    draw(canvas);
                }

                layout.Footer(canvas, document.Footer, Core.Text.TextCatalogue.Fill(document.PageOf, ("page", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("pages", pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                pdf.EndPage();
            }

            pdf.Close();
        }

        return DocumentId.MakeReproducible(output.ToArray());
    }
}
