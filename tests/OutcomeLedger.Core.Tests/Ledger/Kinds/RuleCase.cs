using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Tests.Ledger.Kinds;

/// <summary>
/// One row of a rule table: its name, what is logged first (if anything), the record (the table's valid record,
/// changed), who signs it, and the outcome: accepted (no field), or refused with an error on <see cref="Field"/>
/// whose message holds <see cref="Fragment"/>, and with no error outside that field.
/// </summary>
internal sealed record RuleCase(string Name, Action<RuleLedger>? Arrange, Func<LedgerRecord> Record, Signer By, string? Field, string? Fragment)
{
    public bool IsAccepted => Field is null;

    public override string ToString() => IsAccepted ? $"{Name}: accepted" : $"{Name}: {Field}: …{Fragment}…";
}
