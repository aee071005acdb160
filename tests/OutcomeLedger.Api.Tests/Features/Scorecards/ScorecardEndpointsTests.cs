using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OutcomeLedger.Api.Tests.Features.Scorecards;

/// <summary>The scorecard served by the API carries the headers a page of the dashboard does: CSP, nosniff, no framing.</summary>
public sealed partial class ScorecardEndpointsTests(TestServer server) : IClassFixture<TestServer>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Get_Html_StrictPolicyAllowingOnlyItsOwnStylesheet(string lang)
    {
        using var response = await server.Client.GetAsync($"api/v1/scorecard?agreement=us-mx-security&format=html&lang={lang}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);

        // The page's one inline stylesheet is allowed by its hash, so it still applies; nothing else is.
        var style = StyleElement().Match(html);
        Assert.True(style.Success, "the scorecard has no <style> element");
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)));
        Assert.Contains($"style-src 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("md")]
    public async Task Get_OtherFormats_NotSniffedNorFramed(string format)
    {
        using var response = await server.Client.GetAsync($"api/v1/scorecard?agreement=us-mx-security&format={format}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>Issue 12: ?asOf= follows the CLI's --as-of: an earlier date rates as of it, a later one or a malformed one is a 400 naming asOf.</summary>
    [Fact]
    public async Task Get_AsOf_RatesAsOfThatDateAndRefusesOneAfterTheLogTime()
    {
        var ct = TestContext.Current.CancellationToken;
        using var latest = await server.Client.GetAsync("api/v1/scorecard?agreement=us-mx-security", ct);
        var logDate = DateOnly.Parse(System.Text.Json.JsonDocument.Parse(await latest.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var earlier = logDate.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await server.Client.GetAsync($"api/v1/scorecard?agreement=us-mx-security&asOf={earlier}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal(earlier, json.GetProperty("asOf").GetString());

        // The latest scorecard is still the one kept for the checkpoint, as of its log time.
        using var again = await server.Client.GetAsync("api/v1/scorecard?agreement=us-mx-security&format=md", ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var later = logDate.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var tooLate = await server.Client.GetAsync($"api/v1/scorecard?agreement=us-mx-security&asOf={later}", ct);
        var problem = await ProblemAssert.IsProblemAsync(tooLate, HttpStatusCode.BadRequest);
        Assert.Equal(["asOf"], ProblemAssert.Fields(problem));
        Assert.Contains($"{later} is after the log time of checkpoint", problem.GetRawText(), StringComparison.Ordinal);

        using var malformed = await server.Client.GetAsync("api/v1/scorecard?agreement=us-mx-security&asOf=2026-13-01", ct);
        Assert.Equal(["asOf"], ProblemAssert.Fields(await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest)));

        using var atSize = await server.Client.GetAsync($"api/v1/scorecard?agreement=us-mx-security&at=1&asOf={earlier}", ct);
        Assert.Equal(HttpStatusCode.NotFound, atSize.StatusCode);
    }

    [Theory]
    [InlineData("<html><style>a{}</style><style>b{}</style></html>", "style-src 'sha256-{a}' 'sha256-{b}';")]
    [InlineData("<html><p>no style</p></html>", "style-src 'none';")]
    public void HtmlPolicy_EachStyleElement_AllowedByItsHash(string html, string expected)
    {
        static string Hash(string css) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));

        var policy = OutcomeLedger.Api.Features.Scorecards.ScorecardEndpoints.HtmlPolicy(Encoding.UTF8.GetBytes(html));

        Assert.Contains(expected.Replace("{a}", Hash("a{}"), StringComparison.Ordinal).Replace("{b}", Hash("b{}"), StringComparison.Ordinal), policy, StringComparison.Ordinal);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
