using System.Globalization;
using System.Security.Cryptography;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Import.Csv;

namespace OutcomeLedger.Core.Tests.Import;

public class DataManifestTests
{
    static List<IReadOnlyList<string>> ManifestRows()
    {
        using var text = File.OpenText(ShippedData.PathOf("MANIFEST.csv"));
        var reader = new Rfc4180Reader(text, "MANIFEST.csv", ImportOptions.Default);
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read() is { } record)
        {
            Assert.Null(record.Error);
            rows.Add(record.Fields);
        }

        Assert.Equal(["path", "sha256", "data_rows"], rows[0].Take(3));
        return rows.Skip(1).ToList();
    }

    public static TheoryData<string> ListedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in ManifestRows())
        {
            data.Add(row[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListedFiles))]
    public void Sha256_EveryListedFile_MatchesManifest(string path)
    {
        var row = ManifestRows().Single(r => r[0] == path);
        using var file = ShippedData.Open(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(file));
        Assert.Equal(row[1], actual);
    }

    [Theory]
    [MemberData(nameof(ListedFiles))]
    public void DataRows_EveryListedCsv_MatchesManifest(string path)
    {
        var row = ManifestRows().Single(r => r[0] == path);
        if (row[2].Length == 0)
        {
            Assert.False(path.EndsWith(".csv", StringComparison.Ordinal), "every shipped CSV has a row count in the manifest");
            return;
        }

        using var text = File.OpenText(ShippedData.PathOf(path));
        var reader = new Rfc4180Reader(text, path, ImportOptions.Default);
        var records = 0;
        while (reader.Read() is { } record)
        {
            Assert.Null(record.Error);
            records++;
        }

        Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), records - 1);
    }

    [Fact]
    public void Manifest_ListsEveryShippedFile()
    {
        var listed = ManifestRows().Select(row => row[0]).Order(StringComparer.Ordinal).ToList();
        var present = Directory.EnumerateFiles(ShippedData.Root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(ShippedData.Root, file).Replace('\\', '/'))
            .Where(file => file is not ("MANIFEST.csv" or "PROVENANCE.md"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(listed, present);
    }
}
