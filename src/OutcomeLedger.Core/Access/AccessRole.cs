namespace OutcomeLedger.Core.Access;

/// <summary>What a token may write: a government's analysts (<c>party</c>), an independent <c>verifier</c>, or the ledger's <c>admin</c>.</summary>
public enum AccessRole
{
    Party,
    Verifier,
    Admin,
}
