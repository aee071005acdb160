using System.Net;
using OutcomeLedger.Core.Transparency.Hashing;
using OutcomeLedger.Core.Transparency.Notes;
using OutcomeLedger.Core.Transparency.Witnessing;

namespace OutcomeLedger.Api.Features.Witnesses;

/// <summary>
/// The log's side of c2sp.org/tlog-witness with one witness: POSTs <c>add-checkpoint</c> with the <c>old</c> line, the
/// consistency proof from the size the witness holds and the signed checkpoint; on 409 starts again from the size the
/// witness answered (a few times at most); reads every answer up to a bound and within a timeout; keeps a cosignature only
/// once it verified with the witness's configured key (<see cref="WitnessAnswer"/>).
/// </summary>
// c2sp.org/tlog-witness "add-checkpoint"
public sealed class WitnessClient : IDisposable
{
    /// <summary>409s followed in one submission: one to learn the witness's size, one more if it moved meanwhile.</summary>
    public const int MaxConflicts = 3;

    readonly HttpClient _http;

    public WitnessClient(LogWitness witness, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(witness);
        Witness = witness;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = timeout, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            BaseAddress = witness.Url,
            Timeout = timeout,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("outcomes-log/1");
    }

    public LogWitness Witness { get; }

    /// <summary>
    /// Submits <paramref name="note"/> (a checkpoint of this log, signed by it), starting from <paramref name="knownSize"/>
    /// (the size this witness last cosigned, 0 when unknown). <paramref name="proveFrom"/> gives the consistency proof
    /// from a size to the checkpoint's.
    /// </summary>
    public async Task<WitnessSubmission> SubmitAsync(SignedNote note, Checkpoint checkpoint, ulong knownSize, Func<ulong, CancellationToken, Task<IReadOnlyList<Hash>>> proveFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(proveFrom);
        var old = knownSize;
        for (var conflicts = 0; ; conflicts++)
        {
            if (old > checkpoint.TreeSize)
            {
                return WitnessSubmission.Failed(WitnessAlarm.SizeBeyondLog,
                    $"the witness holds a cosigned tree of size {old}, larger than this log's {checkpoint.TreeSize}: another log with this origin, or a rollback", old);
            }

            IReadOnlyList<Hash> proof = old == 0 || old == checkpoint.TreeSize ? [] : await proveFrom(old, cancellationToken);
            var body = new AddCheckpointRequest(old, proof, note, checkpoint).ToBytes();
            var (status, mediaType, answer, failure) = await PostAsync(body, cancellationToken);
            if (failure is not null)
            {
                return WitnessSubmission.Failed(WitnessAlarm.Unreachable, failure);
            }

            switch (status)
            {
                case HttpStatusCode.OK:
                    return WitnessAnswer.TryReadCosignature(note, answer, Witness.Key, out var cosignature, out var cosignatureError)
                        ? WitnessSubmission.Cosigned(cosignature.ToLine(), checkpoint.TreeSize)
                        : WitnessSubmission.Failed(answer.Length == 0 || cosignatureError.StartsWith("the answer is not", StringComparison.Ordinal) ? WitnessAlarm.MalformedAnswer : WitnessAlarm.BadCosignature, cosignatureError);
                case HttpStatusCode.Conflict:
                    if (!WitnessAnswer.TryParseConflict(answer, out var size, out var conflictError))
                    {
                        return WitnessSubmission.Failed(WitnessAlarm.MalformedAnswer, conflictError);
                    }

                    if (mediaType != WitnessAnswer.SizeMediaType)
                    {
                        return WitnessSubmission.Failed(WitnessAlarm.MalformedAnswer, $"the 409 answer's content type is '{mediaType}', not {WitnessAnswer.SizeMediaType}");
                    }

                    if (size == old)
                    {
                        // The witness holds this size, so the old size matched: a 409 then means another root at the same size.
                        return WitnessSubmission.Failed(size == checkpoint.TreeSize ? WitnessAlarm.Forked : WitnessAlarm.MalformedAnswer,
                            size == checkpoint.TreeSize
                                ? $"the witness cosigned another root for size {size}: it saw another history of this log"
                                : $"the witness answered 409 naming the size {size} the request gave", size);
                    }

                    if (conflicts + 1 >= MaxConflicts)
                    {
                        return WitnessSubmission.Failed(WitnessAlarm.Unreachable, $"the witness's size kept changing ({MaxConflicts} conflicts in a row)", size);
                    }

                    old = size;
                    continue;
                case HttpStatusCode.Forbidden:
                    return WitnessSubmission.Failed(WitnessAlarm.UntrustedLogKey, "403: the witness trusts no key that signed this checkpoint (give it this log's verifier key)");
                case HttpStatusCode.NotFound:
                    return WitnessSubmission.Failed(WitnessAlarm.UnknownLog, $"404: the witness does not witness the log '{checkpoint.Origin}'");
                case HttpStatusCode.UnprocessableEntity:
                    return WitnessSubmission.Failed(WitnessAlarm.Inconsistent, $"422: the witness refused the consistency proof from size {old} to {checkpoint.TreeSize}: it cosigned another history of this log", old);
                case HttpStatusCode.BadRequest:
                    return WitnessSubmission.Failed(WitnessAlarm.RequestRefused, "400: the witness found the request malformed");
                default:
                    return WitnessSubmission.Failed(WitnessAlarm.Unreachable, $"the witness answered {(int)status}");
            }
        }
    }

    async Task<(HttpStatusCode Status, string? MediaType, byte[] Body, string? Failure)> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "add-checkpoint") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.Content.Headers.ContentLength > WitnessAnswer.MaxBody)
            {
                return (response.StatusCode, null, [], $"the witness's answer is larger than {WitnessAnswer.MaxBody} bytes");
            }

            // The HttpClient's timeout covers the headers only once they arrived: bound the body's reading too.
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            reading.CancelAfter(_http.Timeout);
            await using var stream = await response.Content.ReadAsStreamAsync(reading.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(chunk, reading.Token)) > 0)
            {
                if (buffer.Length + read > WitnessAnswer.MaxBody)
                {
                    return (response.StatusCode, null, [], $"the witness's answer is larger than {WitnessAnswer.MaxBody} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, buffer.ToArray(), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
        {
            // The exception's type only: its message may carry the URL, with user information in it.
            return (0, null, [], e is TaskCanceledException or OperationCanceledException
                ? $"no answer within {_http.Timeout.TotalSeconds:0.#} s"
                : $"the witness could not be reached ({(e is HttpRequestException { HttpRequestError: var error } ? error.ToString() : e.GetType().Name)})");
        }
    }

    public void Dispose() => _http.Dispose();
}
