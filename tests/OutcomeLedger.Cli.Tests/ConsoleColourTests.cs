namespace OutcomeLedger.Cli.Tests;

/// <summary>Colour only on a terminal, off with NO_COLOR (any value, no-color.org) or TERM=dumb.</summary>
public sealed class ConsoleColourTests
{
    [Theory]
    [InlineData(true, null, "xterm-256color", true)]
    [InlineData(true, "", "xterm", true)]
    [InlineData(true, "1", "xterm", false)]
    [InlineData(true, "0", "xterm", false)]
    [InlineData(true, null, "dumb", false)]
    [InlineData(false, null, "xterm", false)]
    public void Enabled_TerminalAndNoColor_Decide(bool terminal, string? noColor, string? term, bool expected) =>
        Assert.Equal(expected, ConsoleColour.Enabled(terminal, noColor, term));

    [Fact]
    public void Enabled_OutputThatIsNotTheConsole_NeverColoured()
    {
        using var output = new StringWriter();
        Assert.False(ConsoleColour.Enabled(output));
    }
}
