using System.Text.Json;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Tests.Transparency.Merkle;

/// <summary>The transparency-dev/merkle test vectors (TestData/transparency-dev-merkle), loaded as theory data.</summary>
public static class MerkleVectors
{
    static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "transparency-dev-merkle", "testdata");

    public sealed record InclusionVector(string File, ulong Index, ulong TreeSize, Hash? Leaf, Hash[]? Proof, Hash? RootHash, bool WantErr)
    {
        /// <summary>False when a hash in the file is not 32 bytes: our typed API rejects it before any check.</summary>
        public bool Representable => Leaf is not null && Proof is not null && RootHash is not null;

        public override string ToString() => File;
    }

    public sealed record ConsistencyVector(string File, ulong Size1, ulong Size2, Hash? Root1, Hash? Root2, Hash[]? Proof, bool WantErr)
    {
        public bool Representable => Root1 is not null && Root2 is not null && Proof is not null;

        public override string ToString() => File;
    }

    public static TheoryData<InclusionVector> Inclusion()
    {
        var data = new TheoryData<InclusionVector>();
        foreach (var file in Files("inclusion"))
        {
            using var json = JsonDocument.Parse(System.IO.File.ReadAllText(file));
            var e = json.RootElement;
            data.Add(new InclusionVector(
                Relative(file),
                e.GetProperty("leafIdx").GetUInt64(),
                e.GetProperty("treeSize").GetUInt64(),
                ParseHash(e.GetProperty("leafHash")),
                ParseHashes(e.GetProperty("proof")),
                ParseHash(e.GetProperty("root")),
                e.GetProperty("wantErr").GetBoolean()));
        }

        return data;
    }

    public static TheoryData<ConsistencyVector> Consistency()
    {
        var data = new TheoryData<ConsistencyVector>();
        foreach (var file in Files("consistency"))
        {
            using var json = JsonDocument.Parse(System.IO.File.ReadAllText(file));
            var e = json.RootElement;
            data.Add(new ConsistencyVector(
                Relative(file),
                e.GetProperty("size1").GetUInt64(),
                e.GetProperty("size2").GetUInt64(),
                ParseHash(e.GetProperty("root1")),
                ParseHash(e.GetProperty("root2")),
                ParseHashes(e.GetProperty("proof")),
                e.GetProperty("wantErr").GetBoolean()));
        }

        return data;
    }

    static IEnumerable<string> Files(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Root, kind), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    static string Relative(string file) => Path.GetRelativePath(Root, file);

    static Hash? ParseHash(JsonElement element)
    {
        var bytes = element.ValueKind == JsonValueKind.Null ? [] : Convert.FromBase64String(element.GetString() ?? "");
        return Hash.TryFromBytes(bytes, out var hash) ? hash : null;
    }

    static Hash[]? ParseHashes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var hashes = new List<Hash>();
        foreach (var item in element.EnumerateArray())
        {
            if (ParseHash(item) is not { } hash)
            {
                return null;
            }

            hashes.Add(hash);
        }

        return [.. hashes];
    }
}
