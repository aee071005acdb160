using System.Text.RegularExpressions;
using OutcomeLedger.Cli.Tests.Commands.Demo;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Cli.Tests.Commands.Pack;

/// <summary>
/// What the tests of the commands that publish the demo ledger (<c>outcomes pack</c>, <c>outcomes scorecard</c>) share:
/// a temporary folder for their output, the command run on the demo ledger, the demo's scorecard, and text compared word
/// by word.
/// </summary>
public abstract partial class DemoScorecardCommandTests(DemoFixture demo) : IDisposable
{
    /// <summary>Where a test writes its files; removed after the test.</summary>
    protected TempFolder Temp { get; } = new();

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <c>outcomes</c> with <paramref name="args"/> on the demo ledger.</summary>
    protected CliRun Run(params string[] args) => CliRun.Invoke([.. args, "--ledger", demo.Folder]);

    /// <summary>The demo's own scorecard, as its JSON reads back.</summary>
    protected Scorecard Scorecard() => ScorecardJson.Deserialize(File.ReadAllBytes(Path.Combine(demo.Folder, "scorecard.json")));

    // pdftotext breaks lines where the layout does: compare words separated by single spaces.
    protected static string Words(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
