using System.CommandLine;

namespace OutcomeLedger.Cli.Tests;

/// <summary>One invocation of the <c>outcomes</c> command tree with its output and error text captured.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };

        var exitCode = Program.Run(args, configuration);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public CliRun AssertOk()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}");
        return this;
    }

    /// <summary>Fails with this exit code, one line of error naming each given text, and never a stack trace.</summary>
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

    public override string ToString() => $"exit {ExitCode}: {Output.Trim()} {Error.Trim()}".Trim();
}
