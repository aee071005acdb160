using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Core.Tests.Scorecards;

/// <summary>
/// A statement's source address in the Markdown scorecard. Addresses with spaces or markup are refused when recorded
/// now, but a log may hold them from before: the link must stay one link, with no raw HTML and no second link.
/// </summary>
public sealed class MarkdownScorecardLinkTests
{
    static readonly Scorecard Sample = SampleScorecard.Create();

    static string RenderWithSource(string url)
    {
        // Every statement of the sample gets the address, so the first source link shown is one of them.
        var scorecard = Sample with
        {
            Commitments = [.. Sample.Commitments.Select(c => c with { Statements = [.. c.Statements.Select(s => s with { SourceUrl = url })] })],
        };
        Assert.Contains(scorecard.Commitments, c => c.Statements.Count > 0);
        return MarkdownScorecard.Render(scorecard, ScorecardLanguage.English);
    }

    static string SourceLink(string markdown)
    {
        var start = markdown.IndexOf("[Source](", StringComparison.Ordinal);
        Assert.True(start >= 0, "no source link");
        var end = markdown.IndexOf(") · ", start, StringComparison.Ordinal);
        return markdown[(start + "[Source](".Length)..end];
    }

    [Theory]
    [InlineData("https://example.org/mx/comunicado", "https://example.org/mx/comunicado")]
    [InlineData("https://es.wikipedia.org/wiki/México?q=a&b=c#x", "https://es.wikipedia.org/wiki/México?q=a&b=c#x")]
    [InlineData("https://www.state.gov/ (exact URL not in stored copy)", "https://www.state.gov/%20%28exact%20URL%20not%20in%20stored%20copy%29")]
    [InlineData("https://x.example/a\"><img src=x onerror=alert(1)>", "https://x.example/a%22%3E%3Cimg%20src=x%20onerror=alert%281%29%3E")]
    [InlineData("https://x.example/ [y](javascript:alert(1))", "https://x.example/%20[y]%28javascript:alert%281%29%29")]
    [InlineData("https://x.example/\n<script>alert(1)</script>", "https://x.example/%0A%3Cscript%3Ealert%281%29%3C/script%3E")]
    [InlineData("https://x.example/\u202Efdp.exe", "https://x.example/%E2%80%AEfdp.exe")]
    [InlineData("https://x.example/a\\b`c", "https://x.example/a%5Cb%60c")]
    public void Render_SourceAddress_IsOneLinkWithItsSpecialCharactersPercentEncoded(string url, string destination)
    {
        var markdown = RenderWithSource(url);

        Assert.Equal(destination, SourceLink(markdown));
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", markdown, StringComparison.Ordinal);
    }
}
