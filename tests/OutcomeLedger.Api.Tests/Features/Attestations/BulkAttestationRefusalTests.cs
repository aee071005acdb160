using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Api.Tests.Features.Attestations;

/// <summary>
/// The refusals of both bulk attestations, of chosen values (<see cref="LedgerSession.AttestValuesAsync"/>, the review
/// page's) and by period (<see cref="LedgerSession.AttestByPeriodAsync(PeriodAttestationRequest, Core.Entries.SigningKey, CancellationToken)"/>, <c>outcomes attest --from --to</c> and the
/// API's), which share one set of checks: each a one-line error naming the field, and nothing logged.
/// </summary>
public sealed class BulkAttestationRefusalTests() : ThreeMonthsOfValues(new TestServer())
{
    LedgerSession Session => Server.Services.GetRequiredService<ServedLedger>().Session;

    /// <summary>
    /// Each case, taken by both paths: who attests, with what verdict, which months (the chosen values are those of the
    /// months; "none" chooses none, and by period asks for 2025, when nothing was measured), whether the policy counts
    /// only another verifier ('ca'); the error expected of each path, "{v}" standing for the first chosen value's entry.
    /// </summary>
    static readonly RefusalCase[] Cases =
    [
        new("reporter attesting its own value", "us", Verdict.Acknowledged, "2026-01..2026-03", false,
            (LedgerError.Refused, "as: party 'us' reported entry {v} and cannot attest to its own values; attestations come from the other party or a verifier"),
            (LedgerError.Refused, "as: party 'us' reported the values from 2026-01 to 2026-03 (entry {v}, 2026-01) and cannot attest to its own values; attestations come from the other party or a verifier")),
        new("reporter disputing its own value", "us", Verdict.Disputed, "2026-02..2026-02", false,
            (LedgerError.Refused, "as: party 'us' reported entry {v} and cannot attest to its own values"),
            (LedgerError.Refused, "as: party 'us' reported the values from 2026-02 to 2026-02 (entry {v}, 2026-02)")),
        new("range with no values", "mx", Verdict.Acknowledged, "none", false,
            (LedgerError.Invalid, "measurements: choose at least one value; nothing was attested"),
            (LedgerError.NotFound, "from: indicator 'sw-border-fentanyl-seizures' has no current values from 2025-01 to 2025-12; nothing was attested")),
        new("verifier not in the policy", "gao", Verdict.Verified, "2026-01..2026-02", true,
            (LedgerError.Refused, "attestation of entry {v} (2026-01) refused: author: verifier 'gao' is not one of the verifiers whose checks the policy counts ('ca'); nothing was attested"),
            (LedgerError.Refused, "attestation of entry {v} (2026-01) refused: author: verifier 'gao' is not one of the verifiers whose checks the policy counts ('ca'); nothing was attested")),
        new("withdrawal in bulk", "mx", Verdict.Withdrawn, "2026-01..2026-03", false,
            (LedgerError.Invalid, "verdict: in bulk, the verdict is acknowledged, verified, verification-failed or disputed"),
            (LedgerError.Invalid, "verdict: by period, the verdict is acknowledged, verified, verification-failed or disputed")),
    ];

    sealed record RefusalCase(string Name, string Author, Verdict Verdict, string Months, bool OnlyCa, (LedgerError Error, string Message) ByValues, (LedgerError Error, string Message) ByPeriod);

    /// <summary>Every case by each path ("values", "period"), named.</summary>
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var refusal in Cases)
        {
            data.Add("values", refusal.Name);
            data.Add("period", refusal.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Attest_Refused_OneLineNamingTheFieldAndNothingLogged(string path, string name)
    {
        var (_, author, verdict, months, onlyCa, byValues, byPeriod) = Cases.Single(c => c.Name == name);
        var (error, expected) = path == "values" ? byValues : byPeriod;
        if (onlyCa)
        {
            await OnlyCaCountsAsync();
        }

        var before = await Server.Client.GetStringAsync("checkpoint", Cancel);
        var party = new PartyId(author);
        var (from, to) = months == "none" ? (Period.Parse("2025-01"), Period.Parse("2025-12")) : (Period.Parse(months[..7]), Period.Parse(months[^7..]));
        var chosen = months == "none" ? [] : Values.Where((_, i) => Period.Month(2026, i + 1) >= from && Period.Month(2026, i + 1) <= to).ToList();
        var (figure, reason) = verdict == Verdict.Disputed ? (600m, "our count") : ((decimal?)null, (string?)null);

        var refused = await Assert.ThrowsAsync<LedgerRequestException>(() => path == "values"
            ? Session.AttestValuesAsync(new ValueAttestationRequest { Measurements = chosen, Author = party, Verdict = verdict, Figure = figure, Reason = reason }, Server.KeyOf(party), Cancel)
            : Session.AttestByPeriodAsync(new PeriodAttestationRequest { Indicator = TestServer.Seizures, From = from, To = to, Author = party, Verdict = verdict, Figure = figure, Reason = reason }, Server.KeyOf(party), Cancel));

        var message = expected.Replace("{v}", chosen.FirstOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(refused.Error == error, $"{name}: {refused.Error}, {refused.Message}");
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(before, await Server.Client.GetStringAsync("checkpoint", Cancel));
        Assert.Empty((await Server.Client.GetFromJsonAsync<JsonElement>($"api/v1/attestations?author={author}", Cancel)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("values")]
    [InlineData("period")]
    public async Task Attest_VerifierThePolicyCounts_VerifiesEveryValue(string path)
    {
        await OnlyCaCountsAsync();
        var ca = SigningKey.FromSeed(CaSeed);
        var author = new PartyId("ca");

        var report = path == "values"
            ? await Session.AttestValuesAsync(new ValueAttestationRequest { Measurements = Values, Author = author, Verdict = Verdict.Verified }, ca, Cancel)
            : await Session.AttestByPeriodAsync(new PeriodAttestationRequest { Indicator = TestServer.Seizures, From = Period.Parse("2026-01"), To = Period.Parse("2026-03"), Author = author, Verdict = Verdict.Verified }, ca, Cancel);

        Assert.Equal(Values, report.Attested.Select(a => a.Measurement.Index));
        Assert.Empty(report.AlreadyAttested);
    }

    static byte[] CaSeed => [.. Enumerable.Repeat((byte)9, 32)];

    // Registers the verifier 'ca' and a policy counting only its checks, as the operator.
    async Task OnlyCaCountsAsync()
    {
        var now = Session.Now();
        await Session.RecordAsync(new PartyRecord { Author = TestServer.OperatorId, RecordedAt = now, Id = new("ca"), Name = "Another audit office", Role = PartyRole.Verifier, Keys = [Convert.ToBase64String(SigningKey.FromSeed(CaSeed).PublicKey)] }, Server.Operator, Cancel);
        await Session.RecordAsync(new PolicyRecord { Author = TestServer.OperatorId, RecordedAt = now, Agreement = TestServer.Agreement, Policy = new EvaluationPolicy { Verifiers = [new("ca")] } }, Server.Operator, Cancel);
    }
}
