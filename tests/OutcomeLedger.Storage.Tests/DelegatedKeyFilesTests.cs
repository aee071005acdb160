using OutcomeLedger.Core.Access;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Storage.Tests;

/// <summary>Delegated keys read from owner-only key files, the way <c>outcomes serve --delegated-key(s)</c> gives them.</summary>
public sealed class DelegatedKeyFilesTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-delegated-").FullName;

    [Fact]
    public void Load_FolderOfKeyFiles_SignsForEachPartyAndSkipsTheLogKey()
    {
        using var us = SigningKey.Generate();
        KeyFile.WriteSigningKey(Path.Combine(_folder, "us.key"), us);
        KeyFile.WriteSecret(Path.Combine(_folder, "log.key"), "PRIVATE+KEY+example.org/log+01234567+AAAA");

        using var keys = DelegatedKeys.Load(new DelegatedKeyFiles(new Dictionary<string, string>(), _folder));

        Assert.Equal([new PartyId("us")], keys.Parties);
        var record = new StatementRecord
        {
            Author = new PartyId("us"),
            RecordedAt = DateTimeOffset.UnixEpoch,
            Id = new("s"),
            Date = new DateOnly(2026, 1, 1),
            Title = "t",
            Parties = [new PartyId("us")],
            StatementKind = StatementKind.Other,
            SourceUrl = "https://example.org",
        };
        Assert.True(keys.TrySign(record, out var entry));
        Assert.True(EntryCodec.TryOpen(entry, out var envelope, out _, out _));
        Assert.Equal(us.KeyId, envelope!.Signatures.Single().KeyId);
        Assert.False(keys.TrySign(record with { Author = new PartyId("mx") }, out _));
    }

    [Fact]
    public void Load_KeyFileReadableByOthers_RefusedNamingTheFileNotTheKey()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        using var us = SigningKey.Generate();
        var path = Path.Combine(_folder, "us.key");
        KeyFile.WriteSigningKey(path, us);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<UnauthorizedAccessException>(() => DelegatedKeys.Load(new DelegatedKeyFiles(new Dictionary<string, string> { ["us"] = path }, null)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(us.ExportSeed()), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAKey_RefusedWithoutRepeatingTheContent()
    {
        var path = Path.Combine(_folder, "mx.key");
        KeyFile.WriteSecret(path, "ed25519:c2VjcmV0LWJ1dC10b28tc2hvcnQ=");

        var error = Assert.Throws<InvalidDataException>(() => DelegatedKeys.Load(new DelegatedKeyFiles(new Dictionary<string, string> { ["mx"] = path }, null)));

        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
