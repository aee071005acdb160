using System.Net;
using OutcomeLedger.Api.Features.Dashboard;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// Issue 12, "two axes, everywhere": the commitment page and the indicator page show, beside the one-word rating,
/// what the data says, how much of it is confirmed (share and open disputes) and what it still needs, in the reader's
/// language, with the same words as the scorecard (<see cref="AxisSentence"/>).
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class TwoAxesTests(DemoDashboard demo)
{
    public static TheoryData<string> Languages => ["en", "es"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CommitmentPage_ShowsBothAxesAndNeeds_ForTheCommitmentAndEachIndicator(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = lang == "es" ? TextCatalogue.Spanish : TextCatalogue.English;
        var (_, commitment) = (await CommitmentPage.FindAsync(demo.Ledger, new CommitmentId(DemoDashboard.FentanylCommitment), ct))!.Value;
        using var client = demo.NewClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/commitments/{DemoDashboard.FentanylCommitment}?lang={lang}", ct));

        // In page order: the commitment, then each indicator followed by its series when they have their own heading.
        var expected = new List<(Rating Finding, ScorecardConfirmation? Confirmation, string Needs)>
        {
            (commitment.Finding ?? commitment.Rating, commitment.Confirmation, text.Needs(commitment.Needs, AxisSentence.NamesIn(commitment))),
        };
        foreach (var indicator in commitment.Indicators)
        {
            expected.Add((indicator.Finding ?? indicator.Rating, indicator.Confirmation, text.Needs(indicator.Needs, n => n.Subject)));
            if (indicator.Series.Count > 1 || indicator.Series.Any(s => s.Dimensions.Count > 0))
            {
                expected.AddRange(indicator.Series.Select(s => (s.Finding ?? s.Rating, s.Confirmation, text.Needs(s.Needs))));
            }
        }

        var axes = Axes(html);
        Assert.Equal(expected.Count, axes.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertAxes(axes[i], text, expected[i].Finding, expected[i].Confirmation, expected[i].Needs);
        }
    }

    /// <summary>
    /// Issue 12, Deliver 3: the commitment page says where the commitment's and each indicator's terms stand, with the
    /// scorecard's words (proposed by X, not accepted by Y; agreed by every party), not a plain "agreed".
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CommitmentPage_ShowsWhereTheTermsStand(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = lang == "es" ? TextCatalogue.Spanish : TextCatalogue.English;
        var (_, commitment) = (await CommitmentPage.FindAsync(demo.Ledger, new CommitmentId(DemoDashboard.FentanylCommitment), ct))!.Value;
        using var client = demo.NewClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/commitments/{DemoDashboard.FentanylCommitment}?lang={lang}", ct));

        Assert.False(commitment.Terms!.Agreed);
        Assert.Contains($"<dt>{text.Terms}</dt><dd>{text.Terms(commitment.Terms)}</dd>", html, StringComparison.Ordinal);
        foreach (var indicator in commitment.Indicators)
        {
            Assert.Contains($"<dd>{text.Terms(indicator.Terms!)}</dd>", html, StringComparison.Ordinal);
        }

        Assert.Contains(lang == "es" ? "no aceptados por" : "not accepted by", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task IndicatorPage_ShowsBothAxesAndNeeds(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = lang == "es" ? TextCatalogue.Spanish : TextCatalogue.English;
        var (_, commitment) = (await CommitmentPage.FindAsync(demo.Ledger, new CommitmentId(DemoDashboard.FentanylCommitment), ct))!.Value;
        var indicator = commitment.Indicators.Single(i => i.Id == DemoDashboard.Seizures.Value);
        using var client = demo.NewClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/indicators/{DemoDashboard.Seizures.Value}?lang={lang}", ct));

        AssertAxes(Axes(html)[0], text, indicator.Finding ?? indicator.Rating, indicator.Confirmation, text.Needs(indicator.Needs, n => n.Subject));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AgreementsPage_SummaryShowsBothAxesAndNeeds(string lang)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = lang == "es" ? TextCatalogue.Spanish : TextCatalogue.English;
        var (_, commitment) = (await CommitmentPage.FindAsync(demo.Ledger, new CommitmentId(DemoDashboard.FentanylCommitment), ct))!.Value;
        using var client = demo.NewClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/?lang={lang}", ct));

        Assert.Contains($"<th scope=\"col\">{text.DataSays}</th><th scope=\"col\">{text.ConfirmedAxis}</th><th scope=\"col\">{text.StillNeeds}</th>", html, StringComparison.Ordinal);
        var finding = commitment.Finding ?? commitment.Rating;
        Assert.Contains(
            $"<td data-label=\"{text.DataSays}\"><span class=\"badge r-{RatingCode.CssClass(finding)}\">{text.RatingName(finding)}</span></td><td data-label=\"{text.ConfirmedAxis}\">{text.Confirmation(commitment.Confirmation!)}</td><td class=\"needs\" data-label=\"{text.StillNeeds}\">{text.Needs(commitment.Needs, AxisSentence.NamesIn(commitment))}</td>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_HasAConfirmationAxis_SoTheTestsAboveCheckTheShareAndDisputes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, commitment) = (await CommitmentPage.FindAsync(demo.Ledger, new CommitmentId(DemoDashboard.FentanylCommitment), ct))!.Value;

        Assert.NotNull(commitment.Confirmation);
        Assert.All(commitment.Indicators, i => Assert.NotNull(i.Confirmation));
    }

    static List<string> Axes(string html) =>
        [.. html.Split("<dl class=\"facts axes\">").Skip(1).Select(part => part[..part.IndexOf("</dl>", StringComparison.Ordinal)])];

    static void AssertAxes(string axes, TextCatalogue text, Rating finding, ScorecardConfirmation? confirmation, string needs)
    {
        Assert.Contains($"<dt>{text.DataSays}</dt><dd><span class=\"badge r-{RatingCode.CssClass(finding)}\">{text.RatingName(finding)}</span></dd>", axes, StringComparison.Ordinal);
        if (confirmation is not null)
        {
            Assert.Contains($"<dt>{text.ConfirmedAxis}</dt><dd>{text.Confirmation(confirmation)}</dd>", axes, StringComparison.Ordinal);
        }

        Assert.Contains($"<dt>{text.StillNeeds}</dt><dd>{needs}</dd>", axes, StringComparison.Ordinal);
    }
}
