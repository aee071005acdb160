namespace OutcomeLedger.Api.Features.Witness;

/// <summary>What an add-checkpoint request came to: the status the spec prescribes, and the body to send.</summary>
public sealed record WitnessOutcome(int Status, string Body, ulong? LatestSize = null);
