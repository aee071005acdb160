using System.Security.Cryptography;
using System.Text;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Csv;

namespace OutcomeLedger.Core.Tests.Import.Csv;

public class CsvFileTests
{
    static (ImportSource Source, List<ImportError> Errors, List<int> Lines) Read(byte[] bytes, string[] required, bool allowOthers = false, ImportOptions? options = null)
    {
        var errors = new List<ImportError>();
        var lines = new List<int>();
        var source = CsvFile.Read(new MemoryStream(bytes), "f.csv", options ?? ImportOptions.Default, required, allowOthers, row => lines.Add(row.Line), errors);
        return (source, errors, lines);
    }

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Read_WellFormedFile_HashesExactlyTheBytes()
    {
        var bytes = Utf8("\uFEFFa,b\r\n1,2\r\n3,4\r\n");

        var (source, errors, lines) = Read(bytes, ["a", "b"]);

        Assert.Empty(errors);
        Assert.Equal([2, 3], lines);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), source.Sha256?.ToHex());
        Assert.Equal(bytes.Length, source.ByteCount);
        Assert.Equal("f.csv", source.FileName);
    }

    [Fact]
    public void Read_HeaderError_StillHashesTheWholeFile()
    {
        var bytes = Utf8("x,y\n" + string.Concat(Enumerable.Repeat("1,2\n", 10_000)));

        var (source, errors, lines) = Read(bytes, ["a"]);

        Assert.NotEmpty(errors);
        Assert.Empty(lines);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), source.Sha256?.ToHex());
    }

    [Fact]
    public void Read_FileLargerThanLimit_IsRefusedWithoutHash()
    {
        var (source, errors, _) = Read(Utf8("a\n1\n2\n3\n"), ["a"], options: ImportOptions.Default with { MaxFileBytes = 5 });

        var error = Assert.Single(errors);
        Assert.Equal(0, error.Line);
        Assert.Contains("larger than 5 bytes", error.Message, StringComparison.Ordinal);
        Assert.Null(source.Sha256);
    }

    [Fact]
    public void Read_FileExactlyAtLimit_IsRead()
    {
        var bytes = Utf8("a\n1\n");

        var (source, errors, lines) = Read(bytes, ["a"], options: ImportOptions.Default with { MaxFileBytes = bytes.Length });

        Assert.Empty(errors);
        Assert.Equal([2], lines);
        Assert.NotNull(source.Sha256);
    }

    [Fact]
    public void Read_InvalidUtf8_IsAnError()
    {
        var (_, errors, _) = Read([.. Utf8("a\n1\n"), 0xFF, 0xFE, (byte)'\n'], ["a"]);

        Assert.Contains(errors, e => e.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EmptyFile_HasNoHeader()
    {
        var (_, errors, _) = Read([], ["a"]);

        Assert.Contains("no header", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderProblems_AreEachReported()
    {
        var (_, errors, lines) = Read(Utf8("a,a,,extra\n1,2,3,4\n"), ["a", "b"]);

        Assert.Empty(lines);
        Assert.Contains(errors, e => e.Column == "a" && e.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == "field 3" && e.Message.Contains("no column", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == "b" && e.Message.Contains("no such column", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == "extra" && e.Message.Contains("unexpected column", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void Read_OtherColumnsAllowed_AreIgnored()
    {
        var (_, errors, lines) = Read(Utf8("a,extra\n1,2\n"), ["a"], allowOthers: true);

        Assert.Empty(errors);
        Assert.Equal([2], lines);
    }

    [Fact]
    public void Read_WrongFieldCounts_EveryBadRecordIsListed()
    {
        var (_, errors, lines) = Read(Utf8("a,b\n1\n1,2\n1,2,3\n\"x\"y,2\n"), ["a", "b"]);

        Assert.Equal([3], lines);
        Assert.Equal([2, 4, 5], errors.Select(e => e.Line));
        Assert.Contains("1 fields; the header has 2", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("a", errors[2].Column);
    }
}
