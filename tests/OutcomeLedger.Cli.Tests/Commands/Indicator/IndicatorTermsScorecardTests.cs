using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Indicator;

/// <summary>
/// Issue 12, why 3: <c>indicator add … --target-basis agreed --as us</c> was shown as "agreed"/"acordada" although mx
/// never accepted it. A target reads "agreed" only once every party of the agreement accepted the indicator; before,
/// the scorecard says who proposed it and who has not accepted it, and shows the objections that stand beside it.
/// </summary>
public sealed class IndicatorTermsScorecardTests : IDisposable
{
    readonly TestLedger ledger = new();

    public void Dispose() => ledger.Dispose();

    /// <summary><c>indicator show</c> labels the target as the scorecard does: proposed until mx accepts, then agreed.</summary>
    [Fact]
    public async Task Show_TargetProposedByUs_ReadsAgreedOnlyAfterMxAccepts()
    {
        ledger.AddIndicator("sw-border-fentanyl", "lb", "amount", "us",
            "--baseline-from", "2024-01", "--baseline-to", "2024-12", "--baseline-value", "2000",
            "--target-relative", "-0.25", "--target-by", "2026-12-31", "--target-basis", "agreed");
        var entry = (await ledger.StateAsync()).Indicators[new IndicatorId("sw-border-fentanyl")].Index.ToString(CultureInfo.InvariantCulture);

        var before = Flat(ledger.RunIn("indicator", "show", "sw-border-fentanyl").AssertOk().Output);
        Assert.Contains("proposed by us, not accepted by mx", before, StringComparison.Ordinal);
        Assert.DoesNotContain("(agreed)", before, StringComparison.Ordinal);

        ledger.RunIn("accept", entry, "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        var after = Flat(ledger.RunIn("indicator", "show", "sw-border-fentanyl").AssertOk().Output);
        Assert.Contains("agreed by every party", after, StringComparison.Ordinal);
        Assert.DoesNotContain("not accepted by", after, StringComparison.Ordinal);
    }

    /// <summary>The console's text with its line wrapping undone (a narrow console wraps a grid's cells).</summary>
    static string Flat(string output) => string.Join(' ', output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Scorecard_TargetProposedByUs_ReadsAgreedOnlyAfterMxAccepts_AndShowsTheObjection()
    {
        ledger.AddIndicator("sw-border-fentanyl", "lb", "amount", "us",
            "--baseline-from", "2024-01", "--baseline-to", "2024-12", "--baseline-value", "2000",
            "--target-relative", "-0.25", "--target-by", "2026-12-31", "--target-basis", "agreed");
        var entry = (await ledger.StateAsync()).Indicators[new IndicatorId("sw-border-fentanyl")].Index.ToString(CultureInfo.InvariantCulture);
        ledger.RunIn("object", entry, "--reason", "the target was never discussed in the SIG", "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        var terms = IndicatorJson().GetProperty("terms");
        Assert.False(terms.GetProperty("agreed").GetBoolean());
        Assert.Equal("us", terms.GetProperty("proposedBy").GetString());
        Assert.Equal(["mx"], terms.GetProperty("awaitingFrom").EnumerateArray().Select(p => p.GetString()));
        var objection = Assert.Single(terms.GetProperty("objections").EnumerateArray());
        Assert.Equal("mx", objection.GetProperty("author").GetString());
        Assert.Equal("the target was never discussed in the SIG", objection.GetProperty("reason").GetString());

        var english = Markdown("en");
        Assert.Contains("2026 · proposed by us, not accepted by mx", english, StringComparison.Ordinal);
        Assert.DoesNotContain("2026 · agreed", english, StringComparison.Ordinal);
        Assert.Contains("- Terms: proposed by us, not accepted by mx", english, StringComparison.Ordinal);
        Assert.Contains("**Objection by mx:** the target was never discussed in the SIG", english, StringComparison.Ordinal);
        var spanish = Markdown("es");
        Assert.Contains("2026 · propuesta por us, no aceptada por mx", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("acordada", spanish.Replace("no acordada", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("**Objeción de mx:** the target was never discussed in the SIG", spanish, StringComparison.Ordinal);
        Assert.Contains("propuesta por us, no aceptada por mx", Html(), StringComparison.Ordinal);

        ledger.RunIn("accept", entry, "--as", "mx", "--key", ledger.KeyOf("mx")).AssertOk();

        terms = IndicatorJson().GetProperty("terms");
        Assert.True(terms.GetProperty("agreed").GetBoolean());
        Assert.Empty(terms.GetProperty("awaitingFrom").EnumerateArray());
        Assert.Empty(terms.GetProperty("objections").EnumerateArray());
        english = Markdown("en");
        Assert.Contains("2026 · agreed", english, StringComparison.Ordinal);
        Assert.Contains("- Terms: agreed by every party", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Objection by mx", english, StringComparison.Ordinal);
        Assert.Contains("2026 · acordada", Markdown("es"), StringComparison.Ordinal);
    }

    JsonElement IndicatorJson()
    {
        var path = ledger.Write("scorecard.json", "");
        ledger.RunIn("scorecard", "--format", "json", "--out", path).AssertOk();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("commitments")[0].GetProperty("indicators")[0].Clone();
    }

    string Markdown(string lang)
    {
        var path = ledger.Write("scorecard." + lang + ".md", "");
        ledger.RunIn("scorecard", "--format", "md", "--lang", lang, "--out", path).AssertOk();
        return File.ReadAllText(path);
    }

    string Html()
    {
        var path = ledger.Write("scorecard.html", "");
        ledger.RunIn("scorecard", "--format", "html", "--lang", "es", "--out", path).AssertOk();
        return File.ReadAllText(path);
    }
}
