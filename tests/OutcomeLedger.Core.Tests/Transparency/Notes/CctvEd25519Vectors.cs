using System.Text;
using System.Text.Json;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

/// <summary>The 914 C2SP/CCTV Ed25519 edge-case vectors (TestData/cctv-ed25519, see PROVENANCE.md).</summary>
public static class CctvEd25519Vectors
{
    static readonly Lazy<IReadOnlyList<CctvEd25519Vector>> s_all = new(Load);

    public static IReadOnlyList<CctvEd25519Vector> All => s_all.Value;

    public static TheoryData<int> Numbers
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var vector in All)
            {
                data.Add(vector.Number);
            }

            return data;
        }
    }

    static List<CctvEd25519Vector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "cctv-ed25519", "ed25519vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var vectors = new List<CctvEd25519Vector>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var flags = element.GetProperty("flags");
            var flagList = flags.ValueKind == JsonValueKind.Array
                ? flags.EnumerateArray().Select(f => f.GetString()!).ToArray()
                : [];
            vectors.Add(new CctvEd25519Vector(
                element.GetProperty("number").GetInt32(),
                Convert.FromHexString(element.GetProperty("key").GetString()!),
                Convert.FromHexString(element.GetProperty("sig").GetString()!),
                Encoding.UTF8.GetBytes(element.GetProperty("msg").GetString()!),
                flagList));
        }

        return vectors;
    }
}

public sealed record CctvEd25519Vector(int Number, byte[] Key, byte[] Signature, byte[] Message, IReadOnlyList<string> Flags)
{
    // CCTV ed25519/README.md "Ecosystem behaviors": Go rejects non_canonical_R and low_order_residue, accepts the rest.
    public bool GoAccepts => !Flags.Contains("non_canonical_R") && !Flags.Contains("low_order_residue");
}
