using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutcomeLedger.Cli.Tests.Commands;

/// <summary>
/// The --json text (issue 14, Deliver 6: non-ASCII kept as it is) and the CLI's default page (issue 11, Deliver 2: the
/// API's 100 rows, so a point command's cost does not depend on how many values an indicator has).
/// </summary>
public sealed class JsonOutputTests : IDisposable
{
    readonly TestLedger ledger = new();

    public void Dispose() => ledger.Dispose();

    [Fact]
    public void Json_NonAscii_KeptAsWrittenWhileQuotesAndBackslashesAreEscaped()
    {
        ledger.RunIn("key", "generate", "--out", ledger.KeyOf("sre")).AssertOk();
        const string Name = "Secretaría de Relaciones Exteriores, México \"SRE\" \\ <ñ>";
        ledger.RunIn("party", "add", "sre", "--name", Name, "--role", "party", "--public-key", ledger.KeyOf("sre")).AssertOk();

        var json = ledger.RunIn("party", "list", "--json").AssertOk().Output;

        Assert.Contains("Secretaría de Relaciones Exteriores, México", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00ED", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u00E9", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\\"SRE\\\" \\\\ <ñ>", json, StringComparison.Ordinal);
        var party = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "sre");
        Assert.Equal(Name, party.GetProperty("name").GetString());
    }

    [Fact]
    public void IndicatorShow_MoreValuesThanAPage_ShowsTheApisDefaultPageAndSaysHowToSeeMore()
    {
        ledger.AddIndicator("seizures");
        var csv = new StringBuilder("Month,Total\n");
        for (var month = 0; month < 130; month++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{2010 + (month / 12)}-{1 + (month % 12):00},{month}\n");
        }

        ledger.RunIn("import", "csv", ledger.Write("seizures.csv", csv.ToString()), "--indicator", "seizures", "--map", "period=Month,value=Total",
            "--dataset", "CBP", "--as", "us", "--key", ledger.KeyOf("us")).AssertOk();

        var table = ledger.RunIn("indicator", "show", "seizures").AssertOk().Output;
        Assert.Contains("Showing 1–100 of 130. --offset 100 shows the next ones; --limit up to 500 shows more at once.", table, StringComparison.Ordinal);
        var spanish = ledger.RunIn("indicator", "show", "seizures", "--lang", "es").AssertOk().Output;
        Assert.Contains("Se muestran 1–100 de 130. --offset 100 muestra los siguientes; --limit hasta 500 muestra más a la vez.", spanish, StringComparison.Ordinal);

        static int Values(CliRun run) => JsonDocument.Parse(run.AssertOk().Output).RootElement.GetProperty("measurements").GetArrayLength();
        Assert.Equal(100, Values(ledger.RunIn("indicator", "show", "seizures", "--json")));
        Assert.Equal(130, Values(ledger.RunIn("indicator", "show", "seizures", "--json", "--limit", "500")));
        var all = ledger.RunIn("indicator", "show", "seizures", "--limit", "500").AssertOk().Output;
        Assert.DoesNotContain("Showing", all, StringComparison.Ordinal);
        ledger.RunIn("indicator", "show", "seizures", "--limit", "501").AssertFails(2, "limit must be between 1 and 500");
    }
}
