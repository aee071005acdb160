using OutcomeLedger.Core.Storage;

namespace OutcomeLedger.Core.Tests.Storage;

/// <summary>A projection table's partial indexes: part of its description (so a new one rebuilds the projection), and only over columns it has, filtered on one that can be null.</summary>
public sealed class ProjectionTableTests
{
    static readonly IReadOnlyList<ProjectionColumn> Columns = [ProjectionColumn.Integer("id"), ProjectionColumn.Text("group"), ProjectionColumn.Integer("replaced_by", nullable: true)];

    [Fact]
    public void Describe_PartialIndex_NamesItsColumnsAndItsFilter()
    {
        var plain = new ProjectionTable("rows", Columns, ["group"]);
        var partial = new ProjectionTable("rows", Columns, ["group"]) { PartialIndexes = [new(["group"], "replaced_by")] };

        Assert.Equal("rows(id integer, group text, replaced_by integer null; index group; index group where replaced_by is null)", partial.Describe());
        Assert.NotEqual(plain, partial);
    }

    [Theory]
    [InlineData("unknown", "replaced_by", "no column 'unknown'")]
    [InlineData("group", "unknown", "no column 'unknown'")]
    [InlineData("group", "group", "the partial index's column 'group' is never null")]
    public void PartialIndex_NotOverTheTablesNullableColumn_Refused(string column, string whereNull, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new ProjectionTable("rows", Columns) { PartialIndexes = [new([column], whereNull)] });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialIndex_WithoutColumns_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionTable("rows", Columns) { PartialIndexes = [new([], "replaced_by")] });
}
