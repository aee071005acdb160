using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Party;

/// <summary>Issue 15, Deliver 5: a party rotates its key (adds the successor, revokes the old one) from the command line.</summary>
public sealed class PartyKeyCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    public PartyKeyCommandTests()
    {
        TestLedger.Run("key", "generate", "--out", ledger.KeyOf("us-2027")).AssertOk();
    }

    public void Dispose() => ledger.Dispose();

    CliRun StatementAs(string id, string key) =>
        ledger.RunIn("statement", "add", id, "--date", "2025-09-05", "--title", "Remarks", "--party", "us", "--kind", "speech",
            "--source-url", "https://www.state.gov/remarks", "--as", "us", "--key", key);

    JsonElement[] Keys(string party) =>
        [.. JsonDocument.Parse(ledger.RunIn("party", "key", "list", party, "--json").AssertOk().Output).RootElement.EnumerateArray()];

    [Fact]
    public void Rotate_AddSuccessorThenRevokeOld_OldKeySignsNothingMoreNewKeyDoes()
    {
        ledger.RunIn("party", "key", "add", "us", "--public-key", ledger.KeyOf("us-2027"), "--key", ledger.KeyOf("us")).AssertOk();
        var revoke = ledger.RunIn("party", "key", "revoke", "us", "--revoke", ledger.KeyOf("us"), "--key", ledger.KeyOf("us-2027")).AssertOk();
        Assert.Contains("revoked for party 'us'", revoke.Output, StringComparison.Ordinal);

        StatementAs("remarks-old-key", ledger.KeyOf("us")).AssertFails(1, "of party 'us' was revoked at entry");
        StatementAs("remarks-new-key", ledger.KeyOf("us-2027")).AssertOk();

        var keys = Keys("us");
        Assert.Equal(2, keys.Length);
        Assert.False(keys[0].GetProperty("active").GetBoolean());
        Assert.True(keys[0].GetProperty("revokedAt").GetUInt64() > keys[1].GetProperty("addedAt").GetUInt64());
        Assert.True(keys[1].GetProperty("active").GetBoolean());
        Assert.False(keys[1].TryGetProperty("revokedAt", out _));
    }

    [Fact]
    public void Revoke_TheOnlyActiveKey_RefusedNothingLogged()
    {
        var before = Keys("us");

        ledger.RunIn("party", "key", "revoke", "us", "--revoke", ledger.KeyOf("us"), "--key", ledger.KeyOf("us"))
            .AssertFails(1, "without an active key; add its successor first");

        Assert.Equal(before.Select(k => k.GetRawText()), Keys("us").Select(k => k.GetRawText()));
    }

    [Fact]
    public void Add_AsAnotherParty_Refused()
    {
        ledger.RunIn("party", "key", "add", "us", "--public-key", ledger.KeyOf("us-2027"), "--as", "mx", "--key", ledger.KeyOf("mx"))
            .AssertFails(1, "party 'mx' cannot change the keys of party 'us'");
        Assert.Single(Keys("us"));
    }

    [Fact]
    public void Add_ByTheOperator_ForAPartyThatLostItsKey()
    {
        ledger.RunIn("party", "key", "add", "mx", "--public-key", ledger.KeyOf("us-2027"), "--as", "operator").AssertOk();

        Assert.Equal(2, Keys("mx").Count(k => k.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public void Add_AKeyAnotherPartyHolds_RefusedNamingTheOwner()
    {
        ledger.RunIn("party", "key", "add", "us", "--public-key", ledger.KeyOf("mx"), "--key", ledger.KeyOf("us"))
            .AssertFails(1, "this key already belongs to party 'mx'");
    }

    [Fact]
    public void Revoke_UnknownKeyId_OneLineNamingTheListCommand()
    {
        ledger.RunIn("party", "key", "revoke", "us", "--revoke", "not-a-key", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "--revoke: 'not-a-key' is neither a key id of party 'us'", "outcomes party key list us");
    }

    [Fact]
    public void List_UnknownParty_Refused()
    {
        ledger.RunIn("party", "key", "list", "nobody").AssertFails(1, "party: 'nobody' is not registered");
    }

    [Fact]
    public void List_InSpanish_HeadingsFromTheCatalogue()
    {
        var table = ledger.RunIn("party", "key", "list", "--lang", "es").AssertOk().Output;

        Assert.Contains("Clave pública", table, StringComparison.Ordinal);
        Assert.Contains("activa", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Public key", table, StringComparison.Ordinal);
    }
}
