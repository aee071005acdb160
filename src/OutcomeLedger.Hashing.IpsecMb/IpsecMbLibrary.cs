using System.Runtime.InteropServices;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// The loaded intel-ipsec-mb shared library (Debian/Ubuntu package <c>libipsec-mb1</c>) and the exported functions
/// we call. Bound at run time, so that the product runs where the library is absent.
/// </summary>
internal sealed unsafe class IpsecMbLibrary
{
    /// <summary>The soname of the 1.x series; 2.x changed the ABI.</summary>
    public const string SharedObjectName = "libIPSec_MB.so.1";

    /// <summary>The oldest version whose layout <see cref="ImbJob"/> and <see cref="ImbManagerHeader"/> were checked against.</summary>
    public const uint MinimumVersion = 0x010300;

    IpsecMbLibrary(nint handle)
    {
        AllocMbMgr = (delegate* unmanaged<ulong, ImbManagerHeader*>)NativeLibrary.GetExport(handle, "alloc_mb_mgr");
        InitMbMgrAuto = (delegate* unmanaged<ImbManagerHeader*, int*, void>)NativeLibrary.GetExport(handle, "init_mb_mgr_auto");
        FreeMbMgr = (delegate* unmanaged<ImbManagerHeader*, void>)NativeLibrary.GetExport(handle, "free_mb_mgr");
        GetErrno = (delegate* unmanaged<ImbManagerHeader*, int>)NativeLibrary.GetExport(handle, "imb_get_errno");
        GetStrerror = (delegate* unmanaged<int, byte*>)NativeLibrary.GetExport(handle, "imb_get_strerror");
        var getVersion = (delegate* unmanaged<uint>)NativeLibrary.GetExport(handle, "imb_get_version");
        var getVersionString = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(handle, "imb_get_version_str");
        Version = getVersion();
        VersionText = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "?";
    }

    public delegate* unmanaged<ulong, ImbManagerHeader*> AllocMbMgr { get; }

    public delegate* unmanaged<ImbManagerHeader*, int*, void> InitMbMgrAuto { get; }

    public delegate* unmanaged<ImbManagerHeader*, void> FreeMbMgr { get; }

    public delegate* unmanaged<ImbManagerHeader*, int> GetErrno { get; }

    public delegate* unmanaged<int, byte*> GetStrerror { get; }

    /// <summary>0xMMmmpp, as imb_get_version returns it.</summary>
    public uint Version { get; }

    public string VersionText { get; }

    /// <summary>Loads the library, or says why it cannot be used.</summary>
    public static IpsecMbLibrary? TryLoad(out string reason)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            reason = "intel-ipsec-mb is used on Linux x86-64 only";
            return null;
        }

        if (!NativeLibrary.TryLoad(SharedObjectName, out var handle))
        {
            reason = $"{SharedObjectName} not found (apt-get install libipsec-mb1)";
            return null;
        }

        string[] exports = ["alloc_mb_mgr", "init_mb_mgr_auto", "free_mb_mgr", "imb_get_errno", "imb_get_strerror", "imb_get_version", "imb_get_version_str"];
        if (exports.FirstOrDefault(name => !NativeLibrary.TryGetExport(handle, name, out _)) is { } missing)
        {
            reason = $"{SharedObjectName} does not export {missing}";
            return null;
        }

        var library = new IpsecMbLibrary(handle);
        if (library.Version < MinimumVersion || library.Version >> 16 != 1)
        {
            reason = $"intel-ipsec-mb {library.VersionText} is not a 1.x release from 1.3 on";
            return null;
        }

        reason = "";
        return library;
    }

    public string ErrorText(int errno) => Marshal.PtrToStringUTF8((nint)GetStrerror(errno)) ?? $"error {errno}";
}
