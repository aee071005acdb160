namespace OutcomeLedger.Core.Sessions;

/// <summary>Why a use case could not be carried out: the edges map these to exit codes and HTTP statuses.</summary>
public enum LedgerError
{
    /// <summary>The request itself is malformed (a bad option or parameter): usage, 400.</summary>
    Invalid,

    /// <summary>What the request names is not in the ledger: check failed, 404.</summary>
    NotFound,

    /// <summary>The ledger's rules refuse the records: check failed, 422.</summary>
    Refused,

    /// <summary>The signing key or the author is not allowed: check failed, 403.</summary>
    Forbidden,
}
