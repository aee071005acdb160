namespace OutcomeLedger.Cli.Tests.Commands.Completion;

/// <summary>
/// <c>outcomes completion bash|zsh|pwsh</c> prints a script that calls <c>outcomes __complete</c>, which completes the
/// word under the cursor from the real command tree.
/// </summary>
public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("bash", "complete -o default -F _outcomes_complete outcomes")]
    [InlineData("zsh", "compdef _outcomes outcomes")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName outcomes")]
    public void Completion_Shell_PrintsItsScriptCallingComplete(string shell, string registers)
    {
        var run = CliRun.Invoke("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registers, run.Output, StringComparison.Ordinal);
        Assert.Contains("outcomes __complete ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_UsageError()
    {
        var run = CliRun.Invoke("completion", "fish");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("outcomes key sh", 15, "show")]
    [InlineData("outcomes m", 10, "measure")]
    [InlineData("outcomes m", 10, "monitor")]
    [InlineData("outcomes key show --pu", 22, "--public")]
    [InlineData("outcomes completion ", 20, "zsh")]
    [InlineData("outcomes --lang ", 16, "es")]
    public void Complete_WordAtTheCursor_ComesFromTheCommandTree(string line, int position, string expected)
    {
        var run = CliRun.Invoke("__complete", position.ToString(System.Globalization.CultureInfo.InvariantCulture), line);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Complete_OnlyWordsThatFit()
    {
        var run = CliRun.Invoke("__complete", "11", "outcomes me");

        Assert.Equal(["measure"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
