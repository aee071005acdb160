using System.Security.Cryptography;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Import.Csv;

/// <summary>
/// Reads through to an inner stream, hashing every byte with SHA-256 and counting them, and reports end of
/// input once <c>maxBytes</c> would be exceeded (setting <see cref="LimitExceeded"/>) so an oversized file is
/// never read whole. Does not own the inner stream.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    readonly Stream _inner;
    readonly long _maxBytes;
    readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public HashingReadStream(Stream inner, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (!inner.CanRead)
        {
            throw new ArgumentException("the stream must be readable", nameof(inner));
        }

        _inner = inner;
        _maxBytes = maxBytes;
    }

    public long BytesRead { get; private set; }

    public bool LimitExceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (LimitExceeded || buffer.IsEmpty)
        {
            return 0;
        }

        var allowed = (int)Math.Min(buffer.Length, _maxBytes - BytesRead);
        if (allowed == 0)
        {
            // At the bound: one more byte means the file is too large.
            Span<byte> probe = stackalloc byte[1];
            LimitExceeded = _inner.Read(probe) > 0;
            return 0;
        }

        var read = _inner.Read(buffer[..allowed]);
        _sha256.AppendData(buffer[..read]);
        BytesRead += read;
        return read;
    }

    /// <summary>Reads what is left (within the bound), so the hash covers the whole file even when parsing stopped early.</summary>
    public void Drain()
    {
        Span<byte> buffer = stackalloc byte[4096];
        while (Read(buffer) > 0)
        {
        }
    }

    /// <summary>The SHA-256 of every byte read; null when the bound was exceeded.</summary>
    public Hash? Sha256()
    {
        if (LimitExceeded)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[Hash.Size];
        _sha256.GetCurrentHash(digest);
        return Hash.FromBytes(digest);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
