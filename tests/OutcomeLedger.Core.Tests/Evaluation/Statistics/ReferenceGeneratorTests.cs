using System.Diagnostics;
using System.Text.Json;

namespace OutcomeLedger.Core.Tests.Evaluation.Statistics;

/// <summary>
/// Runs reference/generate.py on seeded random series and compares every statistic with scipy and
/// statsmodels live. Skipped when /usr/bin/python3 with numpy, scipy and statsmodels is absent.
/// </summary>
public class ReferenceGeneratorTests
{
    const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData(20261128)]
    [InlineData(7)]
    public async Task Generate_SeededRandomSeries_MatchesScipyAndStatsmodels(int seed)
    {
        var cancellation = TestContext.Current.CancellationToken;
        if (!await PythonHasModulesAsync(cancellation))
        {
            Assert.Skip($"{Python} with numpy, scipy and statsmodels is not installed (apt-get install python3-scipy python3-statsmodels python3-numpy).");
        }

        var (exitCode, output, error) = await RunAsync([Path.Combine(ReferenceData.Directory, "generate.py"), "--live", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellation);
        Assert.True(exitCode == 0, error);

        using var document = JsonDocument.Parse(output);
        var series = document.RootElement.GetProperty("series").EnumerateArray().ToArray();
        Assert.NotEmpty(series);
        foreach (var entry in series)
        {
            ReferenceData.CompareAll(entry);
        }
    }

    [Fact]
    public void Golden_EveryEntry_MatchesInOnePass()
    {
        var compared = 0;
        foreach (var entry in ReferenceData.GoldenSeries)
        {
            ReferenceData.CompareAll(entry);
            compared++;
        }

        Assert.Equal(6, compared);
    }

    static async Task<bool> PythonHasModulesAsync(CancellationToken cancellation)
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        var (exitCode, _, _) = await RunAsync(["-c", "import numpy, scipy, statsmodels"], cancellation);
        return exitCode == 0;
    }

    static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return (process.ExitCode, await output, await error);
    }
}
