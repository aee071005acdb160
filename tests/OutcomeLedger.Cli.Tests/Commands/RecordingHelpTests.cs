namespace OutcomeLedger.Cli.Tests.Commands;

public sealed class RecordingHelpTests
{
    [Theory]
    [InlineData("statement", "add")]
    [InlineData("commitment", "add")]
    [InlineData("agreement", "add")]
    [InlineData("policy", "set")]
    [InlineData("indicator", "add")]
    [InlineData("indicator", "show")]
    [InlineData("measure", "add")]
    [InlineData("measure", "list")]
    [InlineData("import", "cbp")]
    [InlineData("import", "cdc")]
    [InlineData("import", "csv")]
    [InlineData("attest", null)]
    public void Help_RecordingCommand_PrintsUsageAndExamples(string noun, string? verb)
    {
        string[] args = verb is null ? [noun, "--help"] : [noun, verb, "--help"];

        var run = TestLedger.Run(args).AssertOk();

        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains("outcomes " + noun, run.Output, StringComparison.Ordinal);
    }
}
