using System.Security.Cryptography;
using System.Text;
using OutcomeLedger.Core.Evaluation.Statistics;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Series;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Import.Series;

public class MonthlySeriesImporterTests
{
    static ImportResult<MonthlyObservation> Import(string content) => Import(Encoding.UTF8.GetBytes(content));

    static ImportResult<MonthlyObservation> Import(byte[] content) => MonthlySeriesImporter.Import(new MemoryStream(content), "f.csv");

    [Fact]
    public void Import_QuotedFieldsDaysAndCrLf_ReadsMonths()
    {
        var result = Import("\"date\",\"value\"\r\n\"2024-02-29\",\"1.5\"\r\n2024-03-31,-2e3\r\n\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal([new MonthlyObservation(Period.Month(2024, 2), 1.5), new MonthlyObservation(Period.Month(2024, 3), -2000)], result.Items);
    }

    [Fact]
    public void Import_NoHeader_ReadsFirstLineAsData()
    {
        var result = Import("2024-01,1\n2024-02,2\n");

        Assert.Equal([1.0, 2.0], result.Items.Select(o => o.Value));
    }

    [Fact]
    public void Import_AnyHeaderNames_ErrorsNameDateAndValue()
    {
        var result = Import("month,deaths\n2024-01,x\n");

        Assert.Equal(new ImportError("f.csv", 2, "value", "'x' is not a finite number"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Import_Succeeded_NamesTheFileWithItsHash()
    {
        var bytes = Encoding.UTF8.GetBytes("date,value\n2024-01,1\n");

        var source = Assert.Single(Import(bytes).Sources);

        Assert.Equal(("f.csv", Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length), (source.FileName, source.Sha256?.ToHex(), source.ByteCount));
    }

    [Theory]
    [InlineData("2023-02-29,1\n", 1, "date", "'2023-02-29' is not a month (YYYY-MM or YYYY-MM-DD)")]
    [InlineData("2024-13,1\n", 1, "date", "'2024-13' is not a month (YYYY-MM or YYYY-MM-DD)")]
    [InlineData("2024-01,NaN\n", 1, "value", "'NaN' is not a finite number")]
    [InlineData("2024-01,\n", 1, "value", "the value is empty")]
    [InlineData("2024-01,2e15\n", 1, "value", "'2e15' is beyond ±1e15")]
    [InlineData("2024-01,\"1\n", 1, "value", "the quoted field is not closed before the end of the file")]
    [InlineData("2024-01,1\"\n", 1, "value", "a quote inside an unquoted field (RFC 4180 §2.5: a field holding quotes must be enclosed in quotes)")]
    [InlineData("date,value\n2024-01,1,2\n", 2, "", "expected 2 fields (date,value), found 3")]
    [InlineData("date,value\n2024-01,1\n2024-01-31,2\n", 3, "date", "2024-01 already appears on line 2")]
    [InlineData("date,value\n", 1, "", "the file holds no values")]
    [InlineData("", 1, "", "the file holds no values")]
    public void Import_Invalid_NamesFileLineAndField(string content, int line, string field, string message)
    {
        var result = Import(content);

        Assert.Empty(result.Items);
        Assert.Equal(new ImportError("f.csv", line, field, message), Assert.Single(result.Errors));
    }

    [Fact]
    public void Import_SeveralBadRows_ListsEveryOneAndNoValue()
    {
        var result = Import("date,value\n2024-01,5\n2024-13,6\n2024-03,abc\n2024-01,7\n2024-04\n");

        Assert.Empty(result.Items);
        Assert.Equal([3, 4, 5, 6], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Import_TooManyRows_StopsWithProblemOnTheRowBeyond()
    {
        var content = string.Concat(Enumerable.Range(0, MonthlySeriesImporter.MaximumRows + 1).Select(i => $"{Period.Month(1000, 1).AddMonths(i)},1\n"));

        var result = Import("date,value\n" + content);

        Assert.Empty(result.Items);
        Assert.Equal(new ImportError("f.csv", MonthlySeriesImporter.MaximumRows + 2, "", $"more than {MonthlySeriesImporter.MaximumRows} rows"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Import_LargerThanBound_IsRefusedAsAWhole()
    {
        var result = Import(new string('#', (int)MonthlySeriesImporter.MaximumBytes + 1));

        Assert.Equal(new ImportError("f.csv", 0, "", $"the file is larger than {MonthlySeriesImporter.MaximumBytes} bytes"), Assert.Single(result.Errors));
        Assert.Null(Assert.Single(result.Sources).Sha256);
    }

    [Fact]
    public void Import_NotUtf8_NamesTheFile()
    {
        var result = Import([.. "date,value\n2024-01,"u8, 0xFF, .. "\n"u8]);

        Assert.Equal("the file is not valid UTF-8", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Import_OverlongField_NamesItsColumn()
    {
        var result = Import($"2024-01,{new string('1', MonthlySeriesImporter.Options.MaxFieldLength + 1)}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("value", $"the field is longer than {MonthlySeriesImporter.Options.MaxFieldLength} characters"), (error.Column, error.Message));
    }
}
