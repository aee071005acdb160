namespace OutcomeLedger.Api.Features.Witnesses;

/// <summary>
/// What this log knows of one witness, as <c>/readyz</c> shows it: the size it last cosigned, and, while its latest round
/// failed, the alarm (<see cref="WitnessAlarm"/>, in kebab case) and a one-line reason. Holds no secret: the URL is shown
/// without user information or query, and no byte of a witness's answer is echoed.
/// </summary>
public sealed record WitnessReport(
    string Name,
    string Url,
    ulong? CosignedSize,
    string? Alarm,
    string? Error,
    int ConsecutiveFailures);
