namespace OutcomeLedger.Core.Ledger;

/// <summary>A short verbatim quote, in the language it was said in (BCP 47 tag).</summary>
public sealed record Quote(string Text, string Lang);
