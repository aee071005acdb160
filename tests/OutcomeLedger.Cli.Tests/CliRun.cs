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

    public override string ToString() => $"exit {ExitCode}: {Output.Trim()} {Error.Trim()}".Trim();
}
