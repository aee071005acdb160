namespace OutcomeLedger.Core.Storage;

/// <summary>
/// The ledger's database could not be reached or refused the request (down, wrong address, wrong credentials, missing
/// permissions). Storage engines translate their own exceptions into this one; its message names the engine and what
/// failed, never a password.
/// </summary>
public sealed class LedgerStoreUnavailableException : Exception
{
    public LedgerStoreUnavailableException()
    {
    }

    public LedgerStoreUnavailableException(string message)
        : base(message)
    {
    }

    public LedgerStoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
