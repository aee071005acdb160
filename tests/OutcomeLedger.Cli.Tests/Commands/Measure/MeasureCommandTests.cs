using System.Security.Cryptography;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Tests.Commands.Measure;

public sealed class MeasureCommandTests : IDisposable
{
    readonly TestLedger ledger = new();

    public MeasureCommandTests() => ledger.AddIndicator("transfers", unit: "defendants", measureType: "count", reporter: "mx", "--dimension", "kind=extradition,expulsion");

    public void Dispose() => ledger.Dispose();

    CliRun Add(params string[] extra) =>
        ledger.RunIn(["measure", "add", "transfers", "--dataset", "FGR announcement", "--as", "mx", "--key", ledger.KeyOf("mx"), .. extra]);

    [Fact]
    public async Task Add_WithEvidenceAndDimension_LogsValueAndStoresEvidence()
    {
        var evidence = ledger.Write("announcement.txt", "FGR: 37 defendants transferred");
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(evidence)));

        Add("--period", "2026-01", "--value", "37", "--dim", "kind=expulsion", "--url", "https://www.gob.mx/fgr", "--evidence", evidence,
            "--provisional", "--note", "as announced").AssertOk();

        var measurement = Assert.Single((await ledger.StateAsync()).Measurements.Values).Record;
        Assert.Equal(37m, measurement.Value);
        Assert.Equal(Period.Month(2026, 1), measurement.Period);
        Assert.Equal("expulsion", measurement.Dimensions["kind"]);
        Assert.Equal([sha], measurement.Evidence);
        Assert.True(measurement.Provisional);
        Assert.Equal("https://www.gob.mx/fgr", measurement.Source.Url);
        Assert.True(File.Exists(Path.Combine(ledger.LedgerPath, "blobs", sha[..2], sha)));
    }

    [Fact]
    public async Task Add_Supersedes_RecordsACorrection()
    {
        Add("--period", "2026-01", "--value", "37").AssertOk();
        var first = Assert.Single((await ledger.StateAsync()).Measurements.Values).Index;

        Add("--period", "2026-01", "--value", "38", "--supersedes", first.ToString(System.Globalization.CultureInfo.InvariantCulture)).AssertOk();

        var state = await ledger.StateAsync();
        Assert.Equal(first + 1, state.Measurements[first].SupersededBy);
        var list = ledger.RunIn("measure", "list", "--indicator", "transfers", "--all").AssertOk();
        Assert.Contains("corrected by", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SecondValueWithoutSupersedes_RefusedNamingPeriod()
    {
        Add("--period", "2026-01", "--value", "37").AssertOk();

        Add("--period", "2026-01", "--value", "38").AssertFails(1, "measurement refused: period:", "a correction supersedes it");
    }

    [Fact]
    public void Add_BadPeriod_IsUsageError()
    {
        Add("--period", "2026-13", "--value", "37").AssertFails(2, "--period: '2026-13' is not a period");
    }

    [Fact]
    public void Add_BadValue_IsUsageError()
    {
        Add("--period", "2026-01", "--value", "37,5").AssertFails(2, "--value: '37,5' is not a number");
    }

    // Issue 12, Why 9: measure add rounded what it could not store (a value below 1e-28 became 0, 34 digits became 28).
    [Theory]
    [InlineData("0.000000000000000000000000000001", "--value: '0.000000000000000000000000000001' has 30 decimal places; at most 28 are stored exactly")]
    [InlineData("1234567890.123456789012345678901234", "--value: '1234567890.123456789012345678901234' has 34 significant digits; at most 28 are stored exactly")]
    [InlineData("5\u0001", "--value: '5\\u0001' holds a control character (U+0001) at position 2")]
    public async Task Add_ValueThatCannotBeStoredExactly_IsRefusedNamingTheOption(string value, string message)
    {
        Add("--period", "2026-01", "--value", value).AssertFails(2, message);

        Assert.Empty((await ledger.StateAsync()).Measurements);
    }

    [Fact]
    public void Add_FractionalCount_RefusedNamingValue()
    {
        Add("--period", "2026-01", "--value", "37.5").AssertFails(1, "measurement refused: value: a count is a whole number");
    }

    [Fact]
    public void Add_QuarterForMonthlyIndicator_RefusedNamingPeriod()
    {
        Add("--period", "2026-Q1", "--value", "37").AssertFails(1, "measurement refused: period:");
    }

    [Fact]
    public void Add_UndeclaredDimensionValue_RefusedNamingTheDimension()
    {
        Add("--period", "2026-01", "--value", "37", "--dim", "kind=deportation").AssertFails(1, "dimensions.kind:");
    }

    [Fact]
    public void Add_UnknownIndicator_FailsNamingIt()
    {
        ledger.RunIn("measure", "add", "nope", "--period", "2026-01", "--value", "1", "--dataset", "d", "--as", "mx", "--key", ledger.KeyOf("mx"))
            .AssertFails(1, "indicator 'nope' does not exist");
    }

    [Fact]
    public void Add_OtherPartysIndicator_RefusedNamingAuthor()
    {
        ledger.RunIn("measure", "add", "transfers", "--period", "2026-01", "--value", "1", "--dataset", "d", "--as", "us", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "measurement refused: author:");
    }

    [Fact]
    public void Add_WrongPartysKey_RefusedNamingTheKeysOwner()
    {
        ledger.RunIn("measure", "add", "transfers", "--period", "2026-01", "--value", "1", "--dataset", "d", "--as", "mx", "--key", ledger.KeyOf("us"))
            .AssertFails(1, "registered to party 'us', not to 'mx'");
    }

    [Fact]
    public void List_UnknownIndicator_FailsNamingIt()
    {
        ledger.RunIn("measure", "list", "--indicator", "nope").AssertFails(1, "indicator 'nope' does not exist");
    }
}
