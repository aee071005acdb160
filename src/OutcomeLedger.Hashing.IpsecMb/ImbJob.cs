using System.Runtime.InteropServices;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// <c>IMB_JOB</c> of intel-ipsec-mb 1.3 (<c>intel-ipsec-mb.h</c>, x86-64 System V): every top-level field at the
/// offset gcc gives it; the algorithm-specific unions are opaque. Jobs live inside the library's manager and are only
/// ever reached through a pointer it returns, so the library's own size governs; ours only has to agree on offsets.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 200)]
internal struct ImbJob
{
    [FieldOffset(0)] public nint EncKeys;
    [FieldOffset(8)] public nint DecKeys;
    [FieldOffset(16)] public ulong KeyLenInBytes;
    [FieldOffset(24)] public nint Src;
    [FieldOffset(32)] public nint Dst;
    [FieldOffset(40)] public ulong CipherStartSrcOffsetInBytes;
    [FieldOffset(48)] public ulong MsgLenToCipherInBytes;
    [FieldOffset(56)] public ulong HashStartSrcOffsetInBytes;
    [FieldOffset(64)] public ulong MsgLenToHashInBytes;
    [FieldOffset(72)] public nint Iv;
    [FieldOffset(80)] public ulong IvLenInBytes;
    [FieldOffset(88)] public nint AuthTagOutput;
    [FieldOffset(96)] public ulong AuthTagOutputLenInBytes;

    // union u: hash-specific fields (24 bytes), unused by plain SHA-256.
    [FieldOffset(104)] public nint HashSpecific0;
    [FieldOffset(128)] public int Status;
    [FieldOffset(132)] public int CipherMode;
    [FieldOffset(136)] public int CipherDirection;
    [FieldOffset(140)] public int HashAlg;
    [FieldOffset(144)] public int ChainOrder;
    [FieldOffset(152)] public nint UserData;
    [FieldOffset(160)] public nint UserData2;
    [FieldOffset(168)] public nint CipherFunc;
    [FieldOffset(176)] public nint HashFunc;
    [FieldOffset(184)] public int SglState;
    [FieldOffset(192)] public nint CipherFields;

    // Enumerator values from intel-ipsec-mb.h 1.3.
    public const int CipherNull = 3;        // IMB_CIPHER_NULL
    public const int DirectionEncrypt = 1;  // IMB_DIR_ENCRYPT
    public const int AuthSha256 = 15;       // IMB_AUTH_SHA_256: plain SHA-256, not HMAC
    public const int OrderHashCipher = 2;   // IMB_ORDER_HASH_CIPHER
    public const int StatusCompleted = 3;   // IMB_STATUS_COMPLETED
}
