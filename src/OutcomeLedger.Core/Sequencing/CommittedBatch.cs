namespace OutcomeLedger.Core.Sequencing;

/// <summary>
/// One batch the sequencer committed, for an operator's metrics: how many entries it was given, how many it appended
/// (the rest were duplicates or refused), how long checking and writing them took, and the log size after it.
/// </summary>
public sealed record CommittedBatch(int Submitted, int Appended, TimeSpan Duration, ulong Size);
