namespace OutcomeLedger.Core.Ledger;

/// <summary>What a party may do: a government (<c>party</c>), an independent <c>verifier</c>, or the ledger's <c>operator</c>.</summary>
public enum PartyRole
{
    Party,
    Verifier,
    Operator,
}
