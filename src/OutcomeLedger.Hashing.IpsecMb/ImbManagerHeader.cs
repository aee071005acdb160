using System.Runtime.InteropServices;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// The head of <c>IMB_MGR</c> of intel-ipsec-mb 1.3: flags, the architecture in use, the error status and the job
/// API's function pointers (the header's IMB_GET_NEXT_JOB, IMB_SUBMIT_JOB and IMB_FLUSH_JOB macros call through
/// these; the library keeps them first so that the ABI holds across 1.x). The manager itself is allocated by the library.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 112)]
internal struct ImbManagerHeader
{
    [FieldOffset(0)] public ulong Flags;
    [FieldOffset(8)] public ulong Features;
    [FieldOffset(56)] public uint UsedArch;
    [FieldOffset(60)] public int ImbErrno;
    [FieldOffset(64)] public nint GetNextJob;
    [FieldOffset(72)] public nint SubmitJob;
    [FieldOffset(80)] public nint SubmitJobNocheck;
    [FieldOffset(88)] public nint GetCompletedJob;
    [FieldOffset(96)] public nint FlushJob;
    [FieldOffset(104)] public nint QueueSize;
}
