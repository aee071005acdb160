namespace OutcomeLedger.Cli;

/// <summary>An expected failure: one line for the user and the exit code it maps to. Never a stack trace.</summary>
internal sealed class CliError : Exception
{
    public CliError()
        : this(ExitCodes.CheckFailed, "failed")
    {
    }

    public CliError(string message)
        : this(ExitCodes.CheckFailed, message)
    {
    }

    public CliError(string message, Exception inner)
        : base(message, inner) => ExitCode = ExitCodes.CheckFailed;

    public CliError(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }

    public static CliError Usage(string message) => new(ExitCodes.Usage, message);

    public static CliError Environment(string message) => new(ExitCodes.Environment, message);

    public static CliError Check(string message) => new(ExitCodes.CheckFailed, message);
}
