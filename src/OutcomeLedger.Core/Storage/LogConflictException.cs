namespace OutcomeLedger.Core.Storage;

/// <summary>The log grew under a writer that expected another size: its batch was not written.</summary>
public sealed class LogConflictException : Exception
{
    public LogConflictException()
    {
    }

    public LogConflictException(string message)
        : base(message)
    {
    }

    public LogConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public LogConflictException(ulong expected, ulong actual)
        : base($"the log has {actual} entries, not the {expected} this batch was built on; nothing was written")
    {
    }
}
