using OutcomeLedger.Core.Sequencing;

namespace OutcomeLedger.Api.Submissions;

/// <summary>An entry waiting for its batch, and the acknowledgement its submitter awaits.</summary>
internal sealed record PendingEntry(PreparedLeaf Entry, TaskCompletionSource<SubmitResult> Acknowledgement);
