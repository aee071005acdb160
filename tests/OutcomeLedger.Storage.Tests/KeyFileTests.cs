using System.Diagnostics;

namespace OutcomeLedger.Storage.Tests;

/// <summary>Key files are read only when they are owner-only and owned by the user reading them.</summary>
public sealed class KeyFileTests : IDisposable
{
    const string Secret = "ed25519:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    readonly string _folder = Directory.CreateTempSubdirectory("outcomes-keyfile-").FullName;

    [Fact]
    public void ReadSecret_OwnerOnlyAndOwned_ReadsTheLine()
    {
        var path = Path.Combine(_folder, "us.key");
        KeyFile.WriteSecret(path, Secret);

        Assert.Equal(Secret, KeyFile.ReadSecret(path));
    }

    [Fact]
    public void ReadSecret_ReadableByOthers_Refused()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(_folder, "us.key");
        KeyFile.WriteSecret(path, Secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        var e = Assert.Throws<UnauthorizedAccessException>(() => KeyFile.ReadSecret(path));

        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A 0600 file another user owns passed the mode check, though that user can read the key or swap in their own; a
    /// server running as root read it. Only root can give a file away, so the test runs where it is root.
    /// </summary>
    [Fact]
    public async Task ReadSecret_OwnedByAnotherUser_RefusedNamingTheOwnerNotTheKey()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && UnixFileStatus.EffectiveUserId() == 0, "only root can give a file to another user");
        var path = Path.Combine(_folder, "us.key");
        KeyFile.WriteSecret(path, Secret);
        using (var chown = Process.Start("chown", ["65534", path]))
        {
            await chown.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, chown.ExitCode);
        }

        var e = Assert.Throws<UnauthorizedAccessException>(() => KeyFile.ReadSecret(path));

        Assert.Contains($"key file '{path}' belongs to user 65534, not to the user running outcomes (0)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[8..], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnixFileStatus_Of_TellsTypeAndOwner()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "read with statx(2) on Linux only");
        var file = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);
        var fifo = Path.Combine(_folder, "fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var user = UnixFileStatus.EffectiveUserId();
        Assert.NotNull(user);
        var status = UnixFileStatus.Of(file);
        Assert.Equal((UnixFileType.Regular, user.Value), (status?.Type, status?.OwnerId));
        // A file replaced by rename is another inode: what tells a shared file's versions apart.
        Assert.NotEqual(0UL, status!.Inode);
        File.Copy(file, file + ".new");
        File.Move(file + ".new", file, overwrite: true);
        Assert.NotEqual(status.Inode, UnixFileStatus.Of(file)?.Inode);
        Assert.Equal(UnixFileType.Directory, UnixFileStatus.Of(_folder)?.Type);
        Assert.Equal(UnixFileType.Fifo, UnixFileStatus.Of(fifo)?.Type);
        Assert.Equal(UnixFileType.Device, UnixFileStatus.Of("/dev/null")?.Type);
        Assert.Null(UnixFileStatus.Of(Path.Combine(_folder, "missing")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
