namespace OutcomeLedger.Cli.Tests.Commands.Help;

/// <summary><c>outcomes help [command…]</c> shows what <c>--help</c> after the command shows; an unknown command is a usage error.</summary>
public sealed class HelpCommandTests
{
    [Fact]
    public void Help_Command_SameAsHelpOptionAfterIt()
    {
        var help = CliRun.Invoke("help", "key", "show");
        var option = CliRun.Invoke("key", "show", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(option.Output, help.Output);
        Assert.Contains("--public", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Alone_ListsEveryCommand()
    {
        var help = CliRun.Invoke("help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("monitor", help.Output, StringComparison.Ordinal);
        Assert.Contains("completion", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("__complete", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_UnknownCommand_UsageError()
    {
        var help = CliRun.Invoke("help", "key", "nope");

        Assert.Equal(2, help.ExitCode);
        Assert.Empty(help.Output);
        Assert.Contains("'key nope' is not a command", help.Error, StringComparison.Ordinal);
    }
}
