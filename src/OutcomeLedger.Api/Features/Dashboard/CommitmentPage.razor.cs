using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Api.Features.Scorecards;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Scorecards;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// <c>/commitments/{id}</c>: a commitment's rating and reason, its statements on a timeline sharing the time axis of
/// its indicator charts, and every chart's data as a table (<see cref="CommitmentBody"/>, rendered once per checkpoint
/// and language and kept, then placed in the page shell).
/// </summary>
public sealed partial class CommitmentPage
{
    [Parameter, EditorRequired]
    public DashboardRequest Request { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>The kept body, rendered by <see cref="CommitmentBody"/>.</summary>
    [Parameter, EditorRequired]
    public MarkupString Body { get; set; }

    internal static async Task<IResult> GetAsync(string id, HttpContext context, ServedLedger ledger, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Create(context, DashboardSection.Agreements);
        var text = request.Text;
        var window = ChartDownload.WindowOf(context);
        var key = $"commitment-page|{id}|{text.Language}|{window}";
        // An anonymous reader's whole page depends only on the checkpoint, the commitment, the language and the query
        // (the language link); it is kept whole as UTF-8.
        var anonymous = request.Session is null && (context.Request.Query.Count == 0 || (context.Request.Query.Count == 1 && context.Request.Query.ContainsKey("lang")));
        var pageKey = $"commitment-html|{id}|{text.Language}|{context.Request.QueryString.Value}";
        if (ledger.Sequencer.Latest is { } latest)
        {
            // A hit reads neither the state nor its lock: readers never queue behind each other or a batch.
            if (anonymous && ledger.RenderedOrNull(pageKey, latest.Size) is { } whole)
            {
                return DashboardResults.Kept(request, whole);
            }

            if (ledger.RenderedOrNull(key, latest.Size) is { } keptBody)
            {
                return await PageAsync(request, keptBody);
            }
        }

        var found = await FindAsync(ledger, new CommitmentId(id), cancellationToken);
        if (found is not var (scorecard, commitment))
        {
            return await DashboardResults.MessageAsync(request, text.NotFound, TextCatalogue.Fill(text.CommitmentNotFound, ("id", Parties.PartyEndpoints.Clip(id))), StatusCodes.Status404NotFound);
        }

        // The body is a function of the checkpoint, the commitment and the language only (the page around it carries the
        // request's session), so it is rendered once per checkpoint and language.
        var size = scorecard.Checkpoint.Size;
        var kept = ledger.RenderedOrNull(key, size);
        if (kept is null)
        {
            var body = await DashboardRenderer.RenderAsync<CommitmentBody>(context, new()
            {
                [nameof(CommitmentBody.Scorecard)] = scorecard,
                [nameof(CommitmentBody.Commitment)] = commitment,
                [nameof(CommitmentBody.Text)] = text,
                [nameof(CommitmentBody.Window)] = window,
            });
            kept = ledger.Rendered(key, size, () => Kept(commitment.Text, body));
        }

        if (anonymous)
        {
            var (title, body) = Unpack(kept);
            var html = await DashboardRenderer.RenderAsync<CommitmentPage>(context, Parameters(request, title, body));
            return DashboardResults.Kept(request, ledger.Rendered(pageKey, size, () => Encoding.UTF8.GetBytes(html)));
        }

        return await PageAsync(request, kept);
    }

    static Dictionary<string, object?> Parameters(DashboardRequest request, string title, string body) => new()
    {
        [nameof(Request)] = request,
        [nameof(Title)] = title,
        [nameof(Body)] = new MarkupString(body),
    };

    /// <summary>The title and the body, kept as one UTF-8 value: the title's length in bytes (4 bytes), the title, the body.</summary>
    static byte[] Kept(string title, string body)
    {
        var titleBytes = Encoding.UTF8.GetBytes(title);
        var kept = new byte[4 + titleBytes.Length + Encoding.UTF8.GetByteCount(body)];
        BinaryPrimitives.WriteInt32BigEndian(kept, titleBytes.Length);
        titleBytes.CopyTo(kept, 4);
        Encoding.UTF8.GetBytes(body, kept.AsSpan(4 + titleBytes.Length));
        return kept;
    }

    static Task<IResult> PageAsync(DashboardRequest request, byte[] kept)
    {
        var (title, body) = Unpack(kept);
        return DashboardResults.PageAsync<CommitmentPage>(request, Parameters(request, title, body));
    }

    static (string Title, string Body) Unpack(byte[] kept)
    {
        var titleLength = BinaryPrimitives.ReadInt32BigEndian(kept);
        return (Encoding.UTF8.GetString(kept, 4, titleLength), Encoding.UTF8.GetString(kept, 4 + titleLength, kept.Length - 4 - titleLength));
    }

    /// <summary>The scorecard at the latest checkpoint and the commitment in it, or null when either is missing.</summary>
    internal static async Task<(Scorecard Scorecard, ScorecardCommitment Commitment)?> FindAsync(ServedLedger ledger, CommitmentId id, CancellationToken cancellationToken)
    {
        var agreement = await ledger.ReadAsync(state => state.Commitments.TryGetValue(id, out var c) ? c.Record.Agreement : (AgreementId?)null, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var (scorecard, _) = await ScorecardEndpoints.EvaluateAsync(ledger, agreement.Value, null, cancellationToken);
        var commitment = scorecard?.Commitments.FirstOrDefault(c => c.Id == id.Value);
        return commitment is null ? null : (scorecard!, commitment);
    }
}
