using Microsoft.Playwright;

namespace OutcomeLedger.Api.Tests.Features.Dashboard;

/// <summary>
/// The browser of the dashboard's browser tests: Playwright driving Debian's Chromium (never a downloaded one), headless
/// and without the sandbox (which needs privileges a CI container lacks). A test is skipped, with the reason, where
/// Chromium is not installed. Disposing it closes the browser and Playwright.
/// </summary>
internal sealed class DebianChromium : IAsyncDisposable
{
    const string Executable = "/usr/bin/chromium";

    readonly IPlaywright _playwright;

    DebianChromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    /// <summary>The test output folder's <c>screenshots/</c>, made when first asked for.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<DebianChromium> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            Assert.Skip($"{Executable} is not installed (apt-get install chromium); CI installs it");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = ["--no-sandbox"] });
            return new DebianChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new page on <paramref name="baseAddress"/>, <paramref name="width"/> × <paramref name="height"/> px, in <paramref name="locale"/> when given.</summary>
    public Task<IPage> NewPageAsync(Uri baseAddress, int width, int height, string? locale = null) =>
        Browser.NewPageAsync(new() { BaseURL = baseAddress.ToString(), Locale = locale, ViewportSize = new() { Width = width, Height = height } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
