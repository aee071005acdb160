using System.Diagnostics.Metrics;

namespace OutcomeLedger.Api.Features.Witness;

/// <summary>
/// What <c>outcomes witness serve --metrics</c> exports on <c>/metrics</c>: requests by route template, method and
/// status (as the ledger server counts them), cosignatures issued, and add-checkpoint requests refused, by reason.
/// </summary>
internal sealed class WitnessMetrics : IDisposable
{
    public const string MeterName = "OutcomeLedger.Witness";

    /// <summary>The instruments exported with their tags as Prometheus labels.</summary>
    public static readonly string[] Labelled = ["outcomes.http.requests", "outcomes.witness.refusals"];

    readonly Counter<long> _requests;
    readonly Counter<long> _cosignatures;
    readonly Counter<long> _refusals;

    public WitnessMetrics()
    {
        Meter = new Meter(MeterName, typeof(WitnessMetrics).Assembly.GetName().Version?.ToString());
        _requests = Meter.CreateCounter<long>("outcomes.http.requests", "{request}", "HTTP requests answered, by route template, method and status");
        _cosignatures = Meter.CreateCounter<long>("outcomes.witness.cosignatures", "{cosignature}", "Checkpoints this witness cosigned");
        _refusals = Meter.CreateCounter<long>("outcomes.witness.refusals", "{request}", "add-checkpoint requests refused, by reason");
    }

    public Meter Meter { get; }

    public void Request(string route, string method, int status) =>
        _requests.Add(1, new("route", route), new("method", method), new("status", status));

    /// <summary>Counts an add-checkpoint answer: a cosignature, or a refusal named by what its status means there.</summary>
    public void Answered(int status)
    {
        if (status == StatusCodes.Status200OK)
        {
            _cosignatures.Add(1);
            return;
        }

        _refusals.Add(1, new KeyValuePair<string, object?>("reason", status switch
        {
            StatusCodes.Status400BadRequest => "malformed",
            StatusCodes.Status403Forbidden => "not_signed_by_log",
            StatusCodes.Status404NotFound => "unknown_log",
            StatusCodes.Status409Conflict => "old_size_mismatch",
            StatusCodes.Status413PayloadTooLarge => "too_large",
            StatusCodes.Status422UnprocessableEntity => "inconsistent",
            _ => "other",
        }));
    }

    public void Dispose() => Meter.Dispose();
}
