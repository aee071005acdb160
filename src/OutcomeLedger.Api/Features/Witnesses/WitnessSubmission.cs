namespace OutcomeLedger.Api.Features.Witnesses;

/// <summary>The outcome of one add-checkpoint conversation: the verified cosignature line, or the alarm and its reason.</summary>
public sealed record WitnessSubmission(string? Cosignature, ulong? WitnessSize, WitnessAlarm? Alarm, string? Error)
{
    public bool Succeeded => Cosignature is not null;

    public static WitnessSubmission Cosigned(string line, ulong size) => new(line, size, null, null);

    public static WitnessSubmission Failed(WitnessAlarm alarm, string error, ulong? witnessSize = null) => new(null, witnessSize, alarm, error);
}
