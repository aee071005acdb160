using OutcomeLedger.Core.Import.Mapped;

namespace OutcomeLedger.Core.Tests.Import.Mapped;

public class ColumnMappingTests
{
    [Fact]
    public void TryParse_PeriodValueAndDimension_MapsEachColumn()
    {
        Assert.True(ColumnMapping.TryParse("period=Month,value=Total,region=Region", out var mapping, out var error), error);

        Assert.Equal("Month", mapping.PeriodColumn);
        Assert.Equal("Total", mapping.ValueColumn);
        Assert.Null(mapping.NoteColumn);
        Assert.Equal(new Dictionary<string, string> { ["region"] = "Region" }, mapping.DimensionColumns);
    }

    [Fact]
    public void TryParse_SpacesQuotesAndNote_AreUnderstood()
    {
        Assert.True(ColumnMapping.TryParse(" value = Sum Qty (lbs) , period=\"FY, month\",note=Footnote, drug_type = \"Drug \"\"Type\"\"\" ", out var mapping, out var error), error);

        Assert.Equal("Sum Qty (lbs)", mapping.ValueColumn);
        Assert.Equal("FY, month", mapping.PeriodColumn);
        Assert.Equal("Footnote", mapping.NoteColumn);
        Assert.Equal("Drug \"Type\"", mapping.DimensionColumns["drug_type"]);
    }

    [Theory]
    [InlineData("period=Month,value=Total,region=Region")]
    [InlineData("period=\"a,b\",value=\" padded \",note=N,x1=\"q\"\"uote\"")]
    public void ToString_ParsesBackToTheSameMapping(string text)
    {
        Assert.True(ColumnMapping.TryParse(text, out var mapping, out _));

        Assert.True(ColumnMapping.TryParse(mapping.ToString(), out var again, out var error), error);
        Assert.Equal(mapping.ToString(), again.ToString());
        Assert.Equal(mapping.Columns, again.Columns);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("period=Month", "no 'value=' pair")]
    [InlineData("value=Total", "no 'period=' pair")]
    [InlineData("period=Month,value", "character 14: pair 2 ('value') has no '='")]
    [InlineData("period=Month,,value=Total", "character 14: pair 2 is empty")]
    [InlineData("period=Month,value=Total,", "a comma with no pair after it")]
    [InlineData("period=,value=Total", "pair 1 ('period=') names no column")]
    [InlineData("Period=Month,value=Total", "'Period' is not a target name")]
    [InlineData("period=Month,value=Total,2x=A", "'2x' is not a target name")]
    [InlineData("period=Month,value=Total,my region=A", "'my region' is not a target name")]
    [InlineData("period=Month,value=Total,period=Other", "the target 'period' is mapped twice")]
    [InlineData("period=Month,value=Month", "the column 'Month' is already mapped to 'period'")]
    [InlineData("period=\"Month,value=Total", "character 8: the quoted column name is not closed")]
    [InlineData("period=\"Month\"x,value=Total", "unexpected 'x' after the quoted column name")]
    [InlineData("period=Mo\"nth,value=Total", "character 10: '\"' in an unquoted column name")]
    [InlineData("period=a=b,value=Total", "'=' in an unquoted column name")]
    public void TryParse_Invalid_SaysWhatAndWhere(string text, string expected)
    {
        Assert.False(ColumnMapping.TryParse(text, out var mapping, out var error));

        Assert.Null(mapping);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TooLong_IsRefused()
    {
        Assert.False(ColumnMapping.TryParse("period=M,value=" + new string('v', ColumnMapping.MaxLength), out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ReservedDimensionName_IsABug() =>
        Assert.Throws<ArgumentException>(() => new ColumnMapping("M", "V", new Dictionary<string, string> { ["value"] = "X" }));
}
