using System.Runtime.InteropServices;

namespace OutcomeLedger.Storage;

/// <summary>
/// What .NET does not say about a file on Linux: its type (a FIFO, a socket, a device, not only a file or a folder),
/// its owner and its inode. Read with statx(2), whose layout is the same on every Linux architecture; elsewhere it is unknown (null).
/// </summary>
public sealed record UnixFileStatus(UnixFileType Type, uint OwnerId, ulong Inode)
{
    const int AtFdCwd = -100;
    const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8, StatxIno = 0x100;

    /// <summary>The status of <paramref name="path"/> (following symbolic links), or null when it cannot be read here.</summary>
    public static UnixFileStatus? Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            // struct statx (native byte order): stx_uid at offset 20, stx_mode (type and permissions) at 28, stx_ino at 32; 256 bytes in all.
            var buffer = new byte[256];
            if (NativeMethods.Statx(AtFdCwd, path, 0, StatxType | StatxMode | StatxUid | StatxIno, buffer) != 0)
            {
                return null;
            }

            var mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28));
            var type = (mode & 0xF000) switch
            {
                0x8000 => UnixFileType.Regular,
                0x4000 => UnixFileType.Directory,
                0x1000 => UnixFileType.Fifo,
                0xC000 => UnixFileType.Socket,
                0x2000 or 0x6000 => UnixFileType.Device,
                _ => UnixFileType.Other,
            };
            return new UnixFileStatus(type, MemoryMarshal.Read<uint>(buffer.AsSpan(20)), MemoryMarshal.Read<ulong>(buffer.AsSpan(32)));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): the check is skipped, as on other systems.
            return null;
        }
    }

    /// <summary>The effective user id of this process, or null where there is none to ask.</summary>
    public static uint? EffectiveUserId()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return NativeMethods.Geteuid();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    static class NativeMethods
    {
        [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libc.so.6", EntryPoint = "geteuid")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint Geteuid();
    }
}
