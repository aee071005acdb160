namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// What the store holds does not match the log's signed checkpoint: an entry, a hash tile or a projection row was
/// changed beneath the ledger. Nothing is published from it; the message names what differs.
/// </summary>
public sealed class LogMismatchException : Exception
{
    public LogMismatchException()
    {
    }

    public LogMismatchException(string message)
        : base(message)
    {
    }

    public LogMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
