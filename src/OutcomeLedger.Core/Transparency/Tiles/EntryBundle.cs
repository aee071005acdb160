using System.Buffers.Binary;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>Entry bundles: each entry framed by its length as a big-endian uint16.</summary>
// c2sp.org/tlog-tiles "Log Entries"
public static class EntryBundle
{
    public const int MaxEntrySize = ushort.MaxValue;

    /// <summary>Encodes entries; refuses an entry over 65,535 bytes with an error that says which and how large.</summary>
    public static byte[] Encode(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries.Count, TileId.FullWidth);
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Length > MaxEntrySize)
            {
                throw new ArgumentException($"entry {i} of the bundle is {entries[i].Length} bytes; a tlog-tiles entry is at most {MaxEntrySize} bytes", nameof(entries));
            }

            total += 2 + entries[i].Length;
        }

        var bytes = new byte[total];
        var offset = 0;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(offset), (ushort)entry.Length);
            entry.Span.CopyTo(bytes.AsSpan(offset + 2));
            offset += 2 + entry.Length;
        }

        return bytes;
    }

    /// <summary>Splits a bundle into exactly <paramref name="expectedCount"/> entries, or says what is wrong with it.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> bundle, int expectedCount, out List<ReadOnlyMemory<byte>> entries, out string error)
    {
        entries = new List<ReadOnlyMemory<byte>>(expectedCount);
        error = "";
        var offset = 0;
        var span = bundle.Span;
        while (offset < span.Length)
        {
            if (entries.Count == expectedCount)
            {
                error = $"{span.Length - offset} bytes follow the {expectedCount} expected entries";
                return false;
            }

            if (span.Length - offset < 2)
            {
                error = $"entry {entries.Count} is cut off inside its length prefix at byte {offset}";
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
            if (span.Length - offset - 2 < length)
            {
                error = $"entry {entries.Count} declares {length} bytes but only {span.Length - offset - 2} remain";
                return false;
            }

            entries.Add(bundle.Slice(offset + 2, length));
            offset += 2 + length;
        }

        if (entries.Count != expectedCount)
        {
            error = $"the bundle holds {entries.Count} entries; {expectedCount} were expected";
            return false;
        }

        return true;
    }
}
