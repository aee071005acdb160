using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

/// <summary>
/// An expected failure of a use case, in words for the person who made the request: what was wrong and, for a
/// refusal, every field the ledger's rules named. Never carries a key or a token.
/// </summary>
public sealed class LedgerRequestException : Exception
{
    public LedgerRequestException()
        : this(LedgerError.Invalid, "the request failed")
    {
    }

    public LedgerRequestException(string message)
        : this(LedgerError.Invalid, message)
    {
    }

    public LedgerRequestException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public LedgerRequestException(LedgerError error, string message, IReadOnlyList<ValidationError>? errors = null)
        : base(message)
    {
        Error = error;
        Errors = errors ?? [];
    }

    /// <summary>A problem with one field of the request.</summary>
    public LedgerRequestException(LedgerError error, string field, string message)
        : this(error, $"{field}: {message}", [new ValidationError(field, message)])
    {
    }

    public LedgerError Error { get; }

    /// <summary>The fields the ledger's rules named (refusals), else empty.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
