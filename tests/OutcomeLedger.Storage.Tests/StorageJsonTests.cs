using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Storage.Tests;

/// <summary>
/// The token and witness state files are written with generated JSON metadata (which a Native AOT program needs): their
/// text is what the reflection-built metadata wrote before, so files written by earlier versions read back the same.
/// </summary>
public sealed class StorageJsonTests : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("outcomes-storage-json-");

    // The options the token file used before, with the records' reflection-built metadata.
    static readonly JsonSerializerOptions ReflectionTokens = new(RecordJson.Options)
    {
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task TokenFile_Written_SameTextAsReflectionAndReadsBack()
    {
        var file = TokenFile.InFolder(_folder.FullName);
        var created = new DateTimeOffset(2026, 12, 3, 22, 0, 5, TimeSpan.Zero);
        await file.AddAsync(new AccessToken("0a1b2c3d", new PartyId("us"), AccessRole.Party, new string('a', 64), created), Cancel);
        await file.AddAsync(new AccessToken("4e5f6a7b", new PartyId("audit-office"), AccessRole.Verifier, new string('b', 64), created), Cancel);
        Assert.True(await file.RevokeAsync("4e5f6a7b", created.AddHours(1), Cancel));

        var tokens = await file.ListAsync(Cancel);
        var byReflection = JsonSerializer.SerializeToUtf8Bytes(tokens, ReflectionTokens);
        Assert.Equal(byReflection, await File.ReadAllBytesAsync(file.Path, Cancel));
        Assert.Equal(tokens, await TokenFile.InFolder(_folder.FullName).ListAsync(Cancel));
        Assert.Contains("\"role\": \"verifier\"", await File.ReadAllTextAsync(file.Path, Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WitnessStateFile_Written_SameTextAsReflectionAndReadsBack()
    {
        var file = WitnessStateFile.InFolder(_folder.FullName);
        var head = new CosignedTreeHead(42, Hash.FromBytes(System.Security.Cryptography.SHA256.HashData("root"u8)));
        Assert.True(await file.TryReplaceAsync("log.example/a", null, head, Cancel));

        var text = await File.ReadAllBytesAsync(file.Path, Cancel);
        var byReflection = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["log.example/a"] = "42 " + head.Root.ToBase64() });
        Assert.Equal(byReflection, text);
        Assert.Equal(head, await WitnessStateFile.InFolder(_folder.FullName).GetAsync("log.example/a", Cancel));
    }
}
