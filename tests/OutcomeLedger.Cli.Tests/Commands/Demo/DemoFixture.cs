namespace OutcomeLedger.Cli.Tests.Commands.Demo;

/// <summary>One demo ledger, built once by the real command, shared by the tests that only read it.</summary>
public sealed class DemoFixture : IDisposable
{
    readonly TempFolder _temp = new();

    public DemoFixture()
    {
        Folder = _temp["demo"];
        Run = CliRun.Invoke("demo", "--out", Folder);
    }

    public string Folder { get; }

    public CliRun Run { get; }

    public void Dispose() => _temp.Dispose();
}
