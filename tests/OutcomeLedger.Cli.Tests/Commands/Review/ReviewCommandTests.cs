using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands.Review;

/// <summary><c>outcomes review --as mx</c>: what awaits a party's attestation, newest first, by indicator and run of periods (issue 13, Deliver 1).</summary>
public sealed class ReviewCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    public ReviewCommandTests()
    {
        ledger.AddIndicator("seizures");
        foreach (var (month, value) in new[] { ("2025-01", "100"), ("2025-02", "90"), ("2025-03", "80"), ("2025-06", "70") })
        {
            ledger.RunIn("measure", "add", "seizures", "--period", month, "--value", value, "--dataset", "CBP monthly",
                "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();
        }
    }

    public void Dispose() => ledger.Dispose();

    [Fact]
    public void Review_Counterparty_GroupsByRunOfMonthsNewestFirstWithFiguresSourceEffectAndCommand()
    {
        var run = ledger.RunIn("review", "--as", "mx").AssertOk();

        var output = run.Output;
        Assert.Contains("Awaiting mx's attestation at checkpoint", output, StringComparison.Ordinal);
        Assert.Contains("4 values of 1 indicator", output, StringComparison.Ordinal);
        var june = output.IndexOf("seizures (seizures), reported by us: 2025-06 to 2025-06, 1 value", StringComparison.Ordinal);
        var winter = output.IndexOf("seizures (seizures), reported by us: 2025-01 to 2025-03, 3 values", StringComparison.Ordinal);
        Assert.True(june >= 0 && winter > june, output);
        Assert.Contains("Sources: CBP monthly", output, StringComparison.Ordinal);
        Assert.Contains("Acknowledging the 4 values awaiting mx on reduce-fentanyl-flow", output, StringComparison.Ordinal);
        Assert.Contains("outcomes attest --indicator seizures --from 2025-01 --to 2025-03 --verdict acknowledged --as mx", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("80", winter, StringComparison.Ordinal) < output.IndexOf("100", winter, StringComparison.Ordinal), "values newest first");
    }

    [Fact]
    public void Review_AfterAttestingARange_OnlyTheRestAwaits()
    {
        ledger.RunIn("attest", "--indicator", "seizures", "--from", "2025-01", "--to", "2025-03", "--verdict", "acknowledged", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        var run = ledger.RunIn("review", "--as", "mx", "--json").AssertOk();

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("count").GetInt32());
        var group = Assert.Single(json.RootElement.GetProperty("groups").EnumerateArray());
        Assert.Equal(("2025-06", "2025-06"), (group.GetProperty("from").GetString(), group.GetProperty("to").GetString()));
        var effect = group.GetProperty("effect");
        Assert.Equal("reduce-fentanyl-flow", effect.GetProperty("commitment").GetString());
        Assert.Equal(1, effect.GetProperty("values").GetInt32());
        Assert.False(string.IsNullOrEmpty(effect.GetProperty("before").GetString()));
    }

    [Fact]
    public void Review_Reporter_NothingAwaitsItOnItsOwnValues()
    {
        var run = ledger.RunIn("review", "--as", "us").AssertOk();

        Assert.Contains("Nothing awaits us's attestation at checkpoint", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_Verifier_SeesEveryOtherPartysValues()
    {
        ledger.RunIn("attest", "--indicator", "seizures", "--from", "2025-01", "--to", "2025-06", "--verdict", "acknowledged", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        using var json = JsonDocument.Parse(ledger.RunIn("review", "--as", "gao", "--json").AssertOk().Output);

        Assert.Equal(4, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Review_UnknownParty_OneLineNamingIt()
    {
        ledger.RunIn("review", "--as", "nobody").AssertFails(1, "as: party 'nobody' is not registered");
    }

    [Fact]
    public void Review_Spanish_NoEnglishWords()
    {
        var run = ledger.RunIn("review", "--as", "mx", "--lang", "es").AssertOk();

        Assert.Contains("Pendiente de la atestación de mx", run.Output, StringComparison.Ordinal);
        Assert.Contains("Para reconocerlos:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Awaiting", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledging", run.Output, StringComparison.Ordinal);
    }
}
