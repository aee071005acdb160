using System.Text;
using System.Text.RegularExpressions;
using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Tests.Text;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Cli.Tests.Commands.Pack;

/// <summary>
/// <c>outcomes pack</c> on the demo ledger, read back by poppler (another PDF reader than the writer): the text has
/// every commitment's rating and the root hash in both languages (and no English in Spanish), every page renders with
/// something on it, the fonts are embedded, the demo pack has at most 12 pages, and the same checkpoint gives the same
/// bytes. Bad requests fail in one line and leave no file.
/// </summary>
public sealed partial class PackCommandTests(DemoFixture demo) : DemoScorecardCommandTests(demo), IClassFixture<DemoFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Pack_Demo_TextHasEveryRatingAndTheRootHash(string lang)
    {
        var pdf = Temp[$"pack-{lang}.pdf"];
        Run("pack", "--out", pdf, "--lang", lang, "--since", "24").AssertOk();
        var scorecard = Scorecard();
        var t = TextCatalogue.For(lang == "es" ? ScorecardLanguage.Spanish : ScorecardLanguage.English);

        var raw = Poppler.Text(pdf);
        var text = Words(raw);

        Assert.Contains(scorecard.Checkpoint.RootHash, text, StringComparison.Ordinal);
        var pages = raw.Split('\f').Select(Words).ToList();
        foreach (var commitment in scorecard.Commitments)
        {
            // Each commitment starts a page with its text (the last such page: the summary may also start with it), and its rating's words are on that page.
            var page = pages.LastOrDefault(p => p.StartsWith(Words(commitment.Text), StringComparison.Ordinal));
            Assert.True(page is not null, $"{commitment.Id}: no page starts with it");
            Assert.Contains(t.RatingName(commitment.Rating), page, StringComparison.Ordinal);
        }

        Assert.Contains(t.Pack.SummaryHeading, text, StringComparison.Ordinal);
        Assert.Contains(TextCatalogue.Fill(t.Pack.SinceHeading, ("size", "24"), ("date", t.Format.Date(scorecard.AsOf))), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_Spanish_HasNoEnglish()
    {
        var pdf = Temp["paquete.pdf"];
        Run("pack", "--out", pdf, "--lang", "es", "--since", "24").AssertOk();
        var text = Poppler.Text(pdf);

        // Commands are code, the same in every language: their lines are data, like names and quotes.
        var commands = text.Split('\n').Where(l => l.StartsWith("outcomes ", StringComparison.Ordinal));
        Assert.Empty(EnglishLeaks.InText(text, [.. EnglishLeaks.Data(Scorecard()), .. commands, "--ledger"], dataByWord: true));
    }

    [Fact]
    public void Pack_Demo_EveryPageRendersWithContentFontsEmbeddedAtMostTwelvePages()
    {
        var pdf = Temp["pack.pdf"];
        Run("pack", "--out", pdf).AssertOk();

        var pages = Poppler.Pages(pdf);
        Assert.InRange(pages, 3, 12);
        var images = Poppler.Render(pdf, Temp.Path, 24);
        Assert.Equal(pages, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var (width, height, pixels) = images[i];
            // Above the footer, at least 0.5% of the page is ink (a page of small text at 24 dpi has about 1.5%).
            var body = pixels.AsSpan(0, width * (int)(height * 0.9));
            var ink = 0;
            foreach (var pixel in body)
            {
                ink += pixel < 200 ? 1 : 0;
            }

            Assert.True(ink > body.Length / 200, $"page {i + 1} is nearly blank: {ink} of {body.Length} pixels");
        }

        var fonts = Poppler.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        Assert.Contains(fonts, l => l.Contains("+DejaVuSans ", StringComparison.Ordinal));
        Assert.Contains(fonts, l => l.Contains("+DejaVuSans-Bold ", StringComparison.Ordinal));
        // name, type, encoding, then "emb sub uni": every font embedded, with a Unicode map (the text can be searched).
        Assert.All(fonts, l => Assert.Matches(@"\byes\s+yes\s+yes\b", l));
    }

    [Fact]
    public void Pack_SameCheckpointTwice_SameBytesDatedByTheLog()
    {
        var first = Temp["first.pdf"];
        var second = Temp["second.pdf"];

        Run("pack", "--out", first, "--since", "24").AssertOk();
        Run("pack", "--out", second, "--since", "24").AssertOk();

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var info = Poppler.Info(first);
        var logTime = LogTimeOf(Scorecard());
        Assert.Contains("CreationDate:    " + logTime, info, StringComparison.Ordinal);
        Assert.Contains("ModDate:         " + logTime, info, StringComparison.Ordinal);
        // The document id is derived from the content, not the clock: a different pack has a different one.
        var other = Temp["other.pdf"];
        Run("pack", "--out", other, "--since", "4").AssertOk();
        Assert.NotEqual(DocumentIdOf(first), DocumentIdOf(other));
    }

    [Fact]
    public void Pack_Letter_IsLetterSized()
    {
        var pdf = Temp["letter.pdf"];

        Run("pack", "--out", pdf, "--paper", "letter").AssertOk();

        Assert.Contains("612 x 792 pts (letter)", Poppler.Info(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_Title_IsTheDocumentsTitle()
    {
        var pdf = Temp["titled.pdf"];

        Run("pack", "--out", pdf, "--title", "SIG, febrero de 2026").AssertOk();

        Assert.Contains("Title:           SIG, febrero de 2026", Poppler.Info(pdf), StringComparison.Ordinal);
        Assert.StartsWith("SIG, febrero de 2026", Poppler.Text(pdf), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999999", "--since: checkpoint 999999 is after the pack's checkpoint")]
    [InlineData("5", "--since: no checkpoint of size 5")]
    [InlineData("2000-01-01", "is before the log's first checkpoint")]
    [InlineData("2999-01-01", "is after the pack's checkpoint")]
    [InlineData("last-week", "is neither a checkpoint size nor a date")]
    public void Pack_SinceNotAnEarlierCheckpoint_OneLineUsageErrorNoFile(string since, string message)
    {
        var pdf = Temp["bad.pdf"];

        var run = Run("pack", "--out", pdf, "--since", since).AssertFails(2, message);

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(Directory.GetFileSystemEntries(Temp.Path));
    }

    [Fact]
    public void Pack_OutInAFolderThatCannotBeWritten_OneLineEnvironmentErrorNoFile()
    {
        // A "folder" that is a file cannot hold the pack, whoever runs the test (root writes anywhere else).
        var file = Temp["not-a-folder"];
        File.WriteAllText(file, "x");

        var run = Run("pack", "--out", Path.Combine(file, "pack.pdf")).AssertFails(3, "--out");

        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal([file], Directory.GetFileSystemEntries(Temp.Path));
    }

    [Fact]
    public void Pack_ExistingFileNotReplacedWhenThePackFails()
    {
        var pdf = Temp["kept.pdf"];
        File.WriteAllText(pdf, "the earlier pack");

        Run("pack", "--out", pdf, "--since", "999999").AssertFails(2);

        Assert.Equal("the earlier pack", File.ReadAllText(pdf));
        Assert.Equal([pdf], Directory.GetFileSystemEntries(Temp.Path));
    }

    [Fact]
    public void Pack_OutDash_WritesThePdfToStandardOutputAndNoFile()
    {
        var before = Directory.GetFiles(Directory.GetCurrentDirectory(), "-");

        var run = Run("pack", "--out", "-").AssertOk();

        Assert.StartsWith("%PDF-", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Directory.GetCurrentDirectory(), "-"));
    }

    static string LogTimeOf(Scorecard scorecard)
    {
        // As pdfinfo writes it: "Thu Dec  3 22:41:39 2026 UTC" (the day padded to two characters).
        var time = Core.Sequencing.LogTime.Of(scorecard.Checkpoint.SignedNote)!.Value.UtcDateTime;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return $"{time.ToString("ddd MMM", invariant)} {time.Day.ToString(invariant),2} {time.ToString("HH:mm:ss yyyy", invariant)} UTC";
    }

    static string DocumentIdOf(string pdf)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        return TrailerId().Match(text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no /ID in " + pdf);
    }

    [GeneratedRegex(@"/ID \[<([0-9A-F]{32})>")]
    private static partial Regex TrailerId();
}
