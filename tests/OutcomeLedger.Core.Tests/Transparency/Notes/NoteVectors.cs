using System.Text.Json;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

/// <summary>Published signed-note and cosignature vectors (TestData/signed-note, TestData/sunlight-skylight-cosig).</summary>
public static class NoteVectors
{
    static readonly Lazy<JsonDocument> s_document = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(TestDataPath("signed-note", "signed-note-vectors.json"))));

    public static JsonElement SignedNote(int index) => s_document.Value.RootElement.GetProperty("signed_note")[index];

    public static JsonElement Cosignature(int index) => s_document.Value.RootElement.GetProperty("cosignature_v1")[index];

    public static string TestDataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static byte[] Skylight(string file) => File.ReadAllBytes(TestDataPath("sunlight-skylight-cosig", file));

    /// <summary>The first verifier key of a skylight witness description (witness.v0.json, mirror.v0.json).</summary>
    public static string SkylightVerifierKey(string file)
    {
        using var document = JsonDocument.Parse(Skylight(file));
        return document.RootElement.GetProperty("verifier_keys")[0].GetString()!;
    }

    public static string String(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
