using System.Globalization;
using Microsoft.Playwright;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// The dashboard in a real browser on the demo ledger: Playwright driving Debian's Chromium (never a downloaded
/// one). Screenshots go to the test output folder's <c>screenshots/</c>.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class DashboardEndpointsTests(DemoDashboard demo)
{
    static Task<byte[]> ShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(DebianChromium.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task Dashboard_FollowACommitmentAndVerifyItsEntry_SaysWhatWasChecked()
    {
        await using var chromium = await DebianChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(demo.BaseAddress, 1280, 900, "en-US");
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(demo.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Agreements");
        // The first Tab reaches the skip link, which shows itself when focused.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip")).ToBeFocusedAsync();
        await ShotAsync(page, "1-agreements");

        await page.GetByRole(AriaRole.Link, new() { Name = DemoDashboard.FentanylCommitmentText }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(DemoDashboard.FentanylCommitmentText);
        await Assertions.Expect(page.Locator("svg.timeline")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Chart of values by period: Fentanyl seized at the southwest land border" }).First).ToBeVisibleAsync();
        await ShotAsync(page, "2-commitment");

        // The commitment's entry on the log page, where the browser checks its inclusion proof.
        await page.Locator("main dl a[href^='/log?entry=']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        var result = page.Locator("#verify-result");
        await Assertions.Expect(result).ToHaveClassAsync("ok");
        await Assertions.Expect(result).ToContainTextAsync("Verified: entry");
        await Assertions.Expect(result).ToContainTextAsync("Not checked here: the checkpoint's signatures");
        await ShotAsync(page, "3-verified");

        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registro");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Acuerdos");
        Assert.Empty(external);
    }

    [Fact]
    public async Task Dashboard_SubmitAMeasurementThenAttestIt_LoggedThenRefused()
    {
        await using var chromium = await DebianChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(demo.BaseAddress, 1280, 900, "en-US");

        await page.GotoAsync("/submit?lang=en");
        await page.GetByLabel("API token").FillAsync(demo.UsToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync("Signed in as us");
        await ShotAsync(page, "4-signed-in");

        await page.GetByLabel("Indicator", new() { Exact = true }).SelectOptionAsync(DemoDashboard.Seizures.Value);
        await page.Locator("#measurement-period").FillAsync("2026-07");
        await page.Locator("#measurement-value").FillAsync("700.5");
        await page.GetByLabel("Source dataset").FillAsync("CBP nationwide drug seizures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and submit the measurement" }).ClickAsync();
        var result = page.Locator("#submit-result");
        await Assertions.Expect(result).ToHaveClassAsync("message ok");
        await Assertions.Expect(result).ToContainTextAsync("Logged as entry");
        await ShotAsync(page, "5-measurement-logged");

        // A party attesting its own measurement: the ledger refuses, and the page says why.
        await page.Locator("#attestation-measurement").FillAsync(demo.UsMeasurement.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and submit the attestation" }).ClickAsync();
        await Assertions.Expect(result).ToHaveClassAsync("message fail");
        await Assertions.Expect(result).ToContainTextAsync("cannot attest to its own measurement");
        await ShotAsync(page, "6-refused");
    }

    [Fact]
    public async Task Dashboard_PhoneAndPrint_ReadableScreenshots()
    {
        await using var chromium = await DebianChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(demo.BaseAddress, 390, 844, "es-MX");

        await page.GotoAsync("/commitments/" + DemoDashboard.FentanylCommitment);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await ShotAsync(page, "7-phone-es");
        await page.Locator("figure").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DebianChromium.Screenshots, "7-phone-es-chart.png") });
        // Nothing but the charts' own scroll boxes is wider than the screen.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);

        await page.SetViewportSizeAsync(1000, 1400);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site")).ToBeHiddenAsync();
        await ShotAsync(page, "8-print");
    }
}
