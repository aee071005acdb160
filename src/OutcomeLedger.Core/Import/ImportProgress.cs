namespace OutcomeLedger.Core.Import;

/// <summary>
/// How far an import's writes are: <see cref="Logged"/> of <see cref="Total"/> values, committed in <see cref="Batches"/>
/// batches (one transaction and checkpoint each). Reported once with nothing logged before the first batch is written.
/// </summary>
public readonly record struct ImportProgress(int Logged, int Total, int Batches);
