namespace OutcomeLedger.Api.Features.Witness;

/// <summary>The witness's name, its cosignature/v1 verifier key, and the verifier keys of the logs it witnesses.</summary>
public sealed record WitnessView(string Name, string VerifierKey, IReadOnlyList<string> Logs);
