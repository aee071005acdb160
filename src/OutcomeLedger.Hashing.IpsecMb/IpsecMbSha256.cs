using System.Globalization;
using System.Runtime.InteropServices;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Hashing.IpsecMb;

/// <summary>
/// SHA-256 of many messages at once by Intel's Multi-Buffer Crypto library (intel-ipsec-mb): its job API with
/// IMB_AUTH_SHA_256 hashes up to 16 independent messages in the lanes of AVX-512 registers (8 with AVX2), which is
/// several times the single-message rate on CPUs without SHA instructions. The library's own code does the hashing;
/// this class only queues jobs. Small batches and long messages go to .NET's SHA-256, which is faster for them.
/// </summary>
internal sealed unsafe class IpsecMbSha256 : IBatchSha256
{
    /// <summary>Batches smaller than this are hashed one by one: a lane-parallel pass costs about as much as three single hashes.</summary>
    public const int MinimumBatch = 4;

    /// <summary>
    /// Longer messages are hashed one by one. The 1.3 job API refuses hash lengths from 65,535 bytes; lanes of very
    /// unequal lengths also waste the parallelism, so the cut is well below that.
    /// </summary>
    public const int MaximumMessageLength = 16_384;

    // A zero-length message still needs a readable source pointer.
    static readonly byte* s_empty = (byte*)NativeMemory.AllocZeroed(64);

    [ThreadStatic]
    static ImbManager? t_manager;

    readonly IpsecMbLibrary _library;

    // Jobs go through the library's parameter checks until the self-test has shown that our job layout is right;
    // after that every job we build is well formed (lengths bounded, pointers pinned), and the checks are skipped.
    bool _checked = true;

    IpsecMbSha256(IpsecMbLibrary library, uint architecture)
    {
        _library = library;
        var (name, lanes) = architecture switch
        {
            2 => ("SSE", 4),
            3 => ("AVX", 4),
            4 => ("AVX2", 8),
            5 => ("AVX-512", 16),
            _ => ("architecture " + architecture.ToString(CultureInfo.InvariantCulture), 1),
        };
        Description = string.Create(CultureInfo.InvariantCulture, $"intel-ipsec-mb {library.VersionText} ({name}, {lanes} lanes)");
    }

    public string Description { get; }

    ImbManager Manager => t_manager ??= ImbManager.Create(_library);

    // Loaded at most once per process, and only when a host asks for it.
    static readonly Lazy<(IpsecMbSha256? Hasher, string Reason)> s_loaded = new(() => (Load(out var reason), reason));

    /// <summary>
    /// The library's SHA-256, loaded and checked against .NET's on messages around the block boundaries the first time
    /// it is asked for; null, with the reason, when it cannot be used.
    /// </summary>
    public static IpsecMbSha256? TryLoad(out string reason)
    {
        var (hasher, why) = s_loaded.Value;
        reason = why;
        return hasher;
    }

    static IpsecMbSha256? Load(out string reason)
    {
        if (IpsecMbLibrary.TryLoad(out reason) is not { } library)
        {
            return null;
        }

        ImbManager manager;
        try
        {
            manager = ImbManager.Create(library);
        }
        catch (InvalidOperationException e)
        {
            reason = e.Message;
            return null;
        }

        t_manager ??= manager;
        var hasher = new IpsecMbSha256(library, manager.Architecture);
        try
        {
            if (!hasher.PassesSelfTest())
            {
                reason = $"intel-ipsec-mb {library.VersionText} gave SHA-256 digests that differ from .NET's; not used";
                return null;
            }
        }
        catch (InvalidOperationException e)
        {
            reason = $"intel-ipsec-mb {library.VersionText} refused a SHA-256 job ({e.Message}); not used";
            return null;
        }

        hasher._checked = false;
        return hasher;
    }

    public void HashMany(ReadOnlySpan<byte> messages, ReadOnlySpan<int> lengths, Span<byte> digests)
    {
        BatchShape.Check(messages, lengths, digests);
        if (lengths.Length < MinimumBatch)
        {
            PlatformBatchSha256.Instance.HashMany(messages, lengths, digests);
            return;
        }

        var manager = Manager;
        fixed (byte* source = messages)
        fixed (byte* output = digests)
        {
            var offset = 0;
            try
            {
                for (var i = 0; i < lengths.Length; i++)
                {
                    Queue(manager, source + offset, lengths[i], output + (i * Hash.Size), _checked);
                    offset += lengths[i];
                }
            }
            finally
            {
                Drain(manager);
            }
        }
    }

    public void HashMany(ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests)
    {
        var count = BatchShape.Check(messages, messageLength, digests);
        if (count < MinimumBatch)
        {
            PlatformBatchSha256.Instance.HashMany(messages, messageLength, digests);
            return;
        }

        var manager = Manager;
        fixed (byte* source = messages)
        fixed (byte* output = digests)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    Queue(manager, source + (i * messageLength), messageLength, output + (i * Hash.Size), _checked);
                }
            }
            finally
            {
                Drain(manager);
            }
        }
    }

    // Queues one message; the library hashes when its lanes are full. The memory stays pinned until Drain.
    static void Queue(ImbManager manager, byte* message, int length, byte* digest, bool check)
    {
        if (length > MaximumMessageLength)
        {
            PlatformBatchSha256.Instance.HashMany(new ReadOnlySpan<byte>(message, length), length, new Span<byte>(digest, Hash.Size));
            return;
        }

        var job = manager.GetNextJob();
        job->CipherMode = ImbJob.CipherNull;
        job->CipherDirection = ImbJob.DirectionEncrypt;
        job->ChainOrder = ImbJob.OrderHashCipher;
        job->HashAlg = ImbJob.AuthSha256;
        job->Src = (nint)(length == 0 ? s_empty : message);
        job->HashStartSrcOffsetInBytes = 0;
        job->MsgLenToHashInBytes = (ulong)length;
        job->AuthTagOutput = (nint)digest;
        job->AuthTagOutputLenInBytes = Hash.Size;
        var done = check ? manager.SubmitJob() : manager.SubmitJobNocheck();
        if (done != null && done->Status != ImbJob.StatusCompleted)
        {
            throw Failed(manager, done);
        }
    }

    // Completes every outstanding job: none may outlive the pinned spans.
    static void Drain(ImbManager manager)
    {
        InvalidOperationException? failure = null;
        for (var done = manager.FlushJob(); done != null; done = manager.FlushJob())
        {
            if (done->Status != ImbJob.StatusCompleted)
            {
                failure ??= Failed(manager, done);
            }
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    static InvalidOperationException Failed(ImbManager manager, ImbJob* job) =>
        new($"intel-ipsec-mb: a SHA-256 job ended with status {job->Status} ({manager.LastError()})");

    bool PassesSelfTest()
    {
        int[] lengths = [0, 1, 3, 31, 32, 55, 56, 57, 63, 64, 65, 100, 119, 120, 127, 128, 129, 300, 1000, 4099];
        var messages = new byte[lengths.Sum()];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = unchecked((byte)((i * 167) + 13));
        }

        var ours = new byte[lengths.Length * Hash.Size];
        var reference = new byte[ours.Length];
        HashMany(messages, lengths, ours);
        PlatformBatchSha256.Instance.HashMany(messages, lengths, reference);
        return ours.AsSpan().SequenceEqual(reference);
    }
}
