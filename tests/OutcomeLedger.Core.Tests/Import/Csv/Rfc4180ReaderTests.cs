using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Csv;

namespace OutcomeLedger.Core.Tests.Import.Csv;

public class Rfc4180ReaderTests
{
    static List<CsvRecord> ReadAll(string text, ImportOptions? options = null)
    {
        var reader = new Rfc4180Reader(new StringReader(text), "t.csv", options ?? ImportOptions.Default);
        var records = new List<CsvRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    static List<IReadOnlyList<string>> Fields(string text)
    {
        var records = ReadAll(text);
        Assert.All(records, r => Assert.Null(r.Error));
        return records.Select(r => r.Fields).ToList();
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\nc,d")]
    [InlineData("\uFEFFa,b\r\nc,d")]
    public void Read_PlainRecords_AnyLineEndingOrBom_SameFields(string text) =>
        Assert.Equal([["a", "b"], ["c", "d"]], Fields(text));

    [Fact]
    public void Read_QuotedFieldWithCommaQuoteAndNewlines_KeepsThemVerbatim() =>
        Assert.Equal([["x", "a,b \"q\"\r\nline 2\nline 3", "y"]], Fields("x,\"a,b \"\"q\"\"\r\nline 2\nline 3\",y\r\n"));

    [Fact]
    public void Read_EmptyFieldsQuotedAndUnquoted_AreEmptyStrings() =>
        Assert.Equal([["", "", ""], ["a", "", ""]], Fields(",\"\",\na,,\"\""));

    [Fact]
    public void Read_SpacesAroundFields_ArePartOfTheField() =>
        Assert.Equal([[" a ", "b "]], Fields(" a ,b "));

    [Fact]
    public void Read_BlankLines_AreIgnored() =>
        Assert.Equal([["a"], ["b"]], Fields("\r\na\r\n\r\n\nb\n\n"));

    [Fact]
    public void Read_EmptyInput_HasNoRecord() => Assert.Empty(ReadAll(""));

    [Fact]
    public void Read_BomOnly_HasNoRecord() => Assert.Empty(ReadAll("\uFEFF"));

    [Fact]
    public void Read_RecordAfterMultilineField_StartsOnItsPhysicalLine()
    {
        var records = ReadAll("h1,h2\n\"a\nb\nc\",d\ne,f\n");

        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheLineWhereItOpened()
    {
        var records = ReadAll("a,b\nc,\"d\ne\nf");

        var error = records[^1].Error;
        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Equal("field 2", error.Column);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_IsAnErrorAndReadingContinues()
    {
        var records = ReadAll("a,b\"c,d\ne,f\n");

        Assert.Equal(2, records.Count);
        Assert.NotNull(records[0].Error);
        Assert.Equal(1, records[0].Error!.Line);
        Assert.Equal("field 2", records[0].Error!.Column);
        Assert.Contains("§2.5", records[0].Error!.Message, StringComparison.Ordinal);
        Assert.Null(records[1].Error);
        Assert.Equal(["e", "f"], records[1].Fields);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsAnErrorAndReadingContinues()
    {
        var records = ReadAll("\"a\"b,c\nd,e\n");

        Assert.Contains("after a closing quote", records[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], records[0].Fields);
        Assert.Equal(["d", "e"], records[1].Fields);
        Assert.Null(records[1].Error);
    }

    [Fact]
    public void Read_LoneCarriageReturn_IsAnError()
    {
        var records = ReadAll("a,b\rc,d\n");

        Assert.Contains("carriage return", records[0].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnNamesSet_ErrorsNameTheColumn()
    {
        var reader = new Rfc4180Reader(new StringReader("Month,Total\n2025-01,1\"2\n"), "t.csv", ImportOptions.Default);
        var header = reader.Read()!;
        reader.ColumnNames = header.Fields;

        var record = reader.Read()!;

        Assert.Equal("Total", record.Error!.Column);
        Assert.Equal(2, record.Error.Line);
    }

    [Fact]
    public void Read_FieldLongerThanLimit_IsAnErrorAndTheNextRecordIsRead()
    {
        var options = ImportOptions.Default with { MaxFieldLength = 5 };

        var records = ReadAll("12345,\"123456\"\nok,ok\n", options);

        Assert.Equal("field 2", records[0].Error!.Column);
        Assert.Contains("longer than 5", records[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["ok", "ok"], records[1].Fields);
        Assert.Null(records[1].Error);
    }

    [Fact]
    public void Read_FieldExactlyAtLimit_IsAccepted() =>
        Assert.Null(ReadAll("12345", ImportOptions.Default with { MaxFieldLength = 5 }).Single().Error);

    [Fact]
    public void Read_MoreRecordsThanLimit_StopsWithAnError()
    {
        var records = ReadAll("a\nb\nc\nd\n", ImportOptions.Default with { MaxRecords = 2 });

        Assert.Equal(3, records.Count);
        Assert.Null(records[1].Error);
        Assert.Contains("more than 2 records", records[2].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(3, records[2].Error!.Line);
    }

    [Fact]
    public void Read_RecordsExactlyAtLimit_AreAccepted() =>
        Assert.All(ReadAll("a\nb\n", ImportOptions.Default with { MaxRecords = 2 }), r => Assert.Null(r.Error));

    [Fact]
    public void Read_InputLongerThanLimit_StopsWithAnError()
    {
        var records = ReadAll(new string('a', 100) + "\n" + new string('b', 100), ImportOptions.Default with { MaxFileBytes = 150 });

        Assert.Contains("longer than 150", records[^1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyRecordsAcrossBufferBoundaries_AreAllRead()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},\"v{i}\r\n\"\"x\"\"\"\r\n"));

        var fields = Fields(text);

        Assert.Equal(5000, fields.Count);
        Assert.Equal(["4999", "v4999\r\n\"x\""], fields[^1]);
    }
}
