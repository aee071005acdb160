namespace OutcomeLedger.Core.Sessions;

/// <summary>Why a receipt did not prove what it claims (<see cref="ReceiptCheck"/>).</summary>
public enum ReceiptFailure
{
    None,

    /// <summary>The key given is not a log verifier key.</summary>
    Key,

    /// <summary>The receipt's bytes break the tlog-proof@v1 format.</summary>
    Malformed,

    /// <summary>The checkpoint is not signed by the log's key, or a trusted witness's cosignature on it is bad.</summary>
    Checkpoint,

    /// <summary>A trusted witness did not cosign the checkpoint.</summary>
    Cosignature,

    /// <summary>The entry is not at the receipt's index in the checkpointed tree (or the proof is malformed).</summary>
    Inclusion,
}
