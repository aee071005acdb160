using Microsoft.Playwright;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// The dashboard on a phone (375 px) and a tablet (768 px), in English and Spanish, in Debian's Chromium: the home
/// page's commitments table fits the screen (its rows stack, no column runs off the side), and no page but a chart's
/// own scroll box is wider than the screen. Screenshots of the home page, <c>/review</c> (signed in as Mexico) and
/// <c>/since</c> go to the test output folder's <c>screenshots/</c>.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class NarrowScreenTests(DemoDashboard demo)
{
    const string Chromium = "/usr/bin/chromium";

    static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); CI installs it");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return (playwright, browser);
    }

    // The widest table of the page, every cell's right edge, against the screen: a table that only fits by scrolling
    // its box sideways, or a cell that spills out of its table, counts as too wide.
    const string Widest = """
        () => {
          let widest = 0;
          for (const table of document.querySelectorAll('main table')) {
            widest = Math.max(widest, table.scrollWidth, table.getBoundingClientRect().right);
            for (const cell of table.querySelectorAll('td, th')) {
              widest = Math.max(widest, cell.getBoundingClientRect().right, cell.getBoundingClientRect().left + cell.scrollWidth);
            }
          }
          return widest;
        }
        """;

    [Theory]
    [InlineData(375, "en")]
    [InlineData(375, "es")]
    [InlineData(768, "en")]
    [InlineData(768, "es")]
    public async Task Home_NarrowScreen_CommitmentsTableFitsTheScreen(int width, string lang)
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = demo.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = 900 } });

        await page.GotoAsync($"/?lang={lang}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"narrow-{width}-{lang}-home.png"), FullPage = true });

        Assert.True(await page.Locator("main table").CountAsync() > 0);
        var widest = await page.EvaluateAsync<double>(Widest);
        Assert.True(widest <= width, $"the home page's table reaches {widest} px on a {width} px screen");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
    }

    [Theory]
    [InlineData(375, "en")]
    [InlineData(375, "es")]
    [InlineData(768, "en")]
    [InlineData(768, "es")]
    public async Task ReviewAndSince_NarrowScreen_NoPageWiderThanTheScreen(int width, string lang)
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { BaseURL = demo.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = 900 } });
        await page.GotoAsync($"/submit?lang={lang}");
        await page.Locator("input[name=token]").FillAsync(demo.MxToken);
        await page.Locator("form[action='/sign-in'] button[type=submit]").ClickAsync();

        foreach (var (path, name) in new[] { ("/review", "review"), ("/since", "since") })
        {
            await page.GotoAsync($"{path}?lang={lang}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"narrow-{width}-{lang}-{name}.png"), FullPage = true });
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"{path} scrolls sideways on a {width} px screen");
        }
    }
}
