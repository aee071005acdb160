namespace OutcomeLedger.Cli.Tests.Commands;

/// <summary>One run of the CLI: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public CliRun AssertOk()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}");
        return this;
    }

    public CliRun AssertFails(int exitCode, params string[] errorContains)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode}, got {ExitCode}\nstdout: {Output}\nstderr: {Error}");
        foreach (var text in errorContains)
        {
            Assert.Contains(text, Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        return this;
    }
}
