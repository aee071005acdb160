namespace OutcomeLedger.Cli.Commands.Log;

/// <summary>Reads a stream to its end or to a byte limit, whichever comes first, so no input can exhaust memory.</summary>
internal static class BoundedRead
{
    public static byte[] ReadToEnd(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
