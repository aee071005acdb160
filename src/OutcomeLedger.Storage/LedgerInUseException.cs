namespace OutcomeLedger.Storage;

/// <summary>
/// A write to a SQLite ledger folder that <c>outcomes serve</c> holds (<see cref="LedgerWriterLock"/>): the one line
/// names the folder, the server's process id and where to send writes instead. An <see cref="IOException"/>: hosts
/// report it as an environment failure (exit code 3), and nothing was written.
/// </summary>
public sealed class LedgerInUseException : IOException
{
    public LedgerInUseException()
    {
    }

    public LedgerInUseException(string message)
        : base(message)
    {
    }

    public LedgerInUseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The server holding the folder, as its <c>writer.json</c> says; null when it has not said yet (starting).</summary>
    public LedgerWriterStatus? Holder { get; init; }
}
