namespace OutcomeLedger.Api.Features.Entries;

/// <summary>An entry's acknowledgement, sent only after its batch committed: its log index and the checkpoint size that includes it.</summary>
public sealed record EntryAcknowledgement(ulong Index, string LeafHash, ulong? CheckpointSize, bool Duplicate);
