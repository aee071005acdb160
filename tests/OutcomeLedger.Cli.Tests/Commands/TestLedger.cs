using System.CommandLine;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sequencing;
using OutcomeLedger.Storage;

namespace OutcomeLedger.Cli.Tests.Commands;

/// <summary>
/// A temporary ledger made with the real commands: <c>outcomes init</c>, keys for us, mx and an independent verifier
/// (gao), the parties, an agreement, a statement and a commitment. Every command runs in-process through
/// <see cref="Program.Run"/> against this folder.
/// </summary>
public sealed class TestLedger : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outcomes-cli-");

    public TestLedger(bool withCommitment = true)
    {
        Run("init", LedgerPath, "--origin", "test.example/us-mx").AssertOk();
        foreach (var party in new[] { "us", "mx", "gao", "other" })
        {
            Run("key", "generate", "--out", KeyOf(party)).AssertOk();
        }

        RunIn("party", "add", "us", "--name", "United States", "--role", "party", "--public-key", KeyOf("us")).AssertOk();
        RunIn("party", "add", "mx", "--name", "Mexico", "--role", "party", "--public-key", KeyOf("mx")).AssertOk();
        RunIn("party", "add", "gao", "--name", "Independent auditor", "--role", "verifier", "--public-key", KeyOf("gao")).AssertOk();
        if (withCommitment)
        {
            RunIn("agreement", "add", "us-mx-security", "--title", "U.S.-Mexico Security Implementation Group", "--party", "us,mx").AssertOk();
            RunIn("statement", "add", "joint-statement-2025-09-04", "--date", "2025-09-04", "--title", "Joint statement", "--party", "us", "--party", "mx",
                "--kind", "joint-statement", "--source-url", "https://www.state.gov/joint-statement", "--as", "us", "--key", KeyOf("us")).AssertOk();
            RunIn("commitment", "add", "reduce-fentanyl-flow", "--agreement", "us-mx-security", "--text", "Reduce the flow of fentanyl",
                "--statement", "joint-statement-2025-09-04", "--responsible", "mx", "--made-on", "2025-09-04", "--as", "us", "--key", KeyOf("us")).AssertOk();
        }
    }

    public string Folder => _folder.FullName;

    public string LedgerPath => Path.Combine(_folder.FullName, "ledger");

    public string KeyOf(string party) => Path.Combine(_folder.FullName, party + ".key");

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Data(string relativePath) => Path.Combine(AppContext.BaseDirectory, "data", relativePath);

    /// <summary>Runs the CLI as a user would, with exactly these arguments.</summary>
    public static CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI on this ledger (adds --ledger).</summary>
    public CliRun RunIn(params string[] args) => Run([.. args, "--ledger", LedgerPath]);

    /// <summary>The ledger's state as replayed from its log.</summary>
    public async Task<LedgerState> StateAsync()
    {
        await using var ledger = await LedgerFolder.OpenAsync(LedgerPath, TestContext.Current.CancellationToken);
        var checkpoint = await ledger.Store.GetLatestCheckpointAsync(TestContext.Current.CancellationToken);
        return await LedgerReplay.LoadAsync(ledger.Store, checkpoint?.Size ?? 0, recheck: false, null, TestContext.Current.CancellationToken);
    }

    /// <summary>Defines a monthly indicator reported by <paramref name="reporter"/>.</summary>
    public void AddIndicator(string id, string unit = "lb", string measureType = "amount", string reporter = "us", params string[] extra) =>
        RunIn([
            "indicator", "add", id, "--commitment", "reduce-fentanyl-flow", "--name", id, "--unit", unit, "--measure-type", measureType,
            "--direction", "down", "--period-type", "month", "--aggregation", "sum", "--reporter", reporter, "--data-source", "test data",
            "--as", reporter, "--key", KeyOf(reporter), .. extra,
        ]).AssertOk();

    public void Dispose() => _folder.Delete(recursive: true);
}
