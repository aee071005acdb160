namespace OutcomeLedger.Core.Sequencing;

/// <summary>An entry waiting in the shared queue: its queue id and its bytes (the canonical DSSE envelope).</summary>
public sealed record QueuedEntry(long Id, byte[] Leaf);
