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
        await using var chromium = await DebianChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(demo.BaseAddress, width, 900);

        await page.GotoAsync($"/?lang={lang}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DebianChromium.Screenshots, $"narrow-{width}-{lang}-home.png"), FullPage = true });

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
        await using var chromium = await DebianChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(demo.BaseAddress, width, 900);
        await page.GotoAsync($"/submit?lang={lang}");
        await page.Locator("input[name=token]").FillAsync(demo.MxToken);
        await page.Locator("form[action='/sign-in'] button[type=submit]").ClickAsync();

        foreach (var (path, name) in new[] { ("/review", "review"), ("/since", "since") })
        {
            await page.GotoAsync($"{path}?lang={lang}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(DebianChromium.Screenshots, $"narrow-{width}-{lang}-{name}.png"), FullPage = true });
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"{path} scrolls sideways on a {width} px screen");
        }
    }
}
