using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// One value a newer release changed: its period and dimensions, the value it supersedes (and that value's entry), the
/// new value, and the change, absolute and relative to the old value (null when the old value was zero).
/// </summary>
public sealed record Revision(
    Period Period,
    IReadOnlyDictionary<string, string> Dimensions,
    decimal Previous,
    decimal Value,
    ulong Supersedes,
    decimal Change,
    double? RelativeChange);
