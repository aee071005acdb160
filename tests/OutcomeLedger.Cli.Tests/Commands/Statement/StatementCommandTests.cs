using System.Security.Cryptography;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Statement;

public sealed class StatementCommandTests : IDisposable
{
    readonly TestLedger ledger = new(withCommitment: false);

    public void Dispose() => ledger.Dispose();

    static string[] Add(string id, params string[] extra) =>
    [
        "statement", "add", id, "--date", "2026-01-15", "--title", "Joint statement on security", "--party", "us", "--party", "mx",
        "--kind", "joint-statement", "--source-url", "https://www.state.gov/joint-statement-2026-01-15", .. extra,
    ];

    [Fact]
    public async Task Add_WithQuotesAndSourceFile_LogsStatementAndStoresSource()
    {
        var source = ledger.Write("source.html", "<html>the joint statement</html>");
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source)));

        var run = ledger.RunIn(Add("joint-statement-2026-01-15",
            "--speaker", "Secretary of State", "--source-file", source,
            "--quote", "incremental progress is insufficient", "--quote", "results must be measurable and verifiable", "--lang", "en",
            "--as", "us", "--key", ledger.KeyOf("us"))).AssertOk();

        Assert.Contains("Statement 'joint-statement-2026-01-15' logged at entry", run.Output, StringComparison.Ordinal);
        var statement = (await ledger.StateAsync()).Statements[new StatementId("joint-statement-2026-01-15")].Record;
        Assert.Equal(expectedSha, statement.SourceSha256);
        Assert.Equal(new DateOnly(2026, 1, 15), statement.Date);
        Assert.Equal(StatementKind.JointStatement, statement.StatementKind);
        Assert.Equal([new PartyId("us"), new PartyId("mx")], statement.Parties);
        Assert.Equal(["incremental progress is insufficient", "results must be measurable and verifiable"], statement.Quotes.Select(q => q.Text));
        Assert.All(statement.Quotes, q => Assert.Equal("en", q.Lang));
        Assert.True(File.Exists(Path.Combine(ledger.LedgerPath, "blobs", expectedSha[..2], expectedSha)));
    }

    [Fact]
    public void List_AfterAdd_ShowsStatementInTableAndJson()
    {
        ledger.RunIn(Add("joint-statement-2026-01-15", "--as", "us", "--key", ledger.KeyOf("us"))).AssertOk();

        var table = ledger.RunIn("statement", "list").AssertOk();
        var json = ledger.RunIn("statement", "list", "--json").AssertOk();

        Assert.Contains("joint-statement-2026-01-15", table.Output, StringComparison.Ordinal);
        Assert.Contains("joint-statement", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var item = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("joint-statement-2026-01-15", item.GetProperty("statement").GetProperty("id").GetString());
    }

    [Fact]
    public void Add_BadLanguageTag_RefusedNamingTheField()
    {
        ledger.RunIn(Add("s1", "--quote", "texto", "--lang", "not a tag", "--as", "us", "--key", ledger.KeyOf("us")))
            .AssertFails(1, "statement refused", "quotes[0].lang");
    }

    [Fact]
    public void Add_UnknownKind_IsUsageError()
    {
        ledger.RunIn(["statement", "add", "s1", "--date", "2026-01-15", "--title", "t", "--party", "us", "--kind", "tweet",
            "--source-url", "https://example.org", "--as", "us", "--key", ledger.KeyOf("us")])
            .AssertFails(2, "--kind: 'tweet' is not one of joint-statement, press-release");
    }

    [Fact]
    public void Add_OtherPartysKey_RefusedNamingTheKeysOwner()
    {
        ledger.RunIn(Add("s1", "--as", "us", "--key", ledger.KeyOf("mx")))
            .AssertFails(1, "is registered to party 'mx', not to 'us'");
    }

    [Fact]
    public void Add_UnregisteredKey_RefusedSayingSo()
    {
        ledger.RunIn(Add("s1", "--as", "us", "--key", ledger.KeyOf("other")))
            .AssertFails(1, "is not registered to party 'us', nor to any other party");
    }

    [Fact]
    public void Add_KeyFileReadableByOthers_RefusedWithoutSigning()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("key file permissions are Unix file modes");
            return;
        }

        File.SetUnixFileMode(ledger.KeyOf("us"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = ledger.RunIn(Add("s1", "--as", "us", "--key", ledger.KeyOf("us"))).AssertFails(3, "readable or writable by others", "chmod 600");

        Assert.DoesNotContain("ed25519:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_UnregisteredParty_RefusedNamingAs()
    {
        ledger.RunIn(Add("s1", "--as", "ca", "--key", ledger.KeyOf("us"))).AssertFails(1, "--as: party 'ca' is not registered");
    }
}
