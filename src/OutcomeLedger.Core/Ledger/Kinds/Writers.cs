namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The roles whose parties may write a record kind at all. The API's access matrix derives from it; the kind's own
/// rules then decide finer questions (whose measurement, which agreement).
/// </summary>
[Flags]
public enum Writers
{
    None = 0,
    Operator = 1,
    Party = 2,
    Verifier = 4,
    Anyone = Operator | Party | Verifier,
}
