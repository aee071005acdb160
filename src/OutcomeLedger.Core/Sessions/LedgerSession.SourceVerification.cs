using System.Globalization;
using OutcomeLedger.Core.Entries;
using OutcomeLedger.Core.Import;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Sessions;

// Source verification: someone other than the reporter re-derives an indicator's values from the published file.
public sealed partial class LedgerSession
{
    /// <summary>
    /// Reads the agency's published files with the importer an import would use, and compares every current value of
    /// the indicator in the periods the files cover with the value the files give. A match is signed "verified" (by a
    /// verifier) or acknowledged (by a party), a difference is disputed with the file's figure, each with a reason that
    /// names the file, its SHA-256 and line; the files are kept as evidence. All or nothing: a bad file, a reporter
    /// checking its own values, a verifier the policy does not count, or any attestation the rules would refuse logs
    /// nothing. Values the author already gave the same verdict are left alone, so checking again is harmless.
    /// </summary>
    public async Task<SourceVerificationReport> VerifySourceAsync(SourceVerificationRequest request, SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        if (request.Files.Count == 0 || request.Files.Select(f => f.FileName).Distinct(StringComparer.Ordinal).Count() != request.Files.Count)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "files", "give each file once, and at least one");
        }

        var indicator = (await RequireIndicatorAsync(request.Indicator, cancellationToken)).Record;
        if (request.Author == indicator.Reporter)
        {
            throw new LedgerRequestException(LedgerError.Refused, "as", $"party '{request.Author}' reports indicator '{indicator.Id}' and cannot verify its own values; the other party or an independent verifier checks them");
        }

        var author = await FindPartyAsync(request.Author, cancellationToken)
            ?? throw new LedgerRequestException(LedgerError.NotFound, "as", $"party '{request.Author}' is not registered");
        if (author.Role == PartyRole.Operator)
        {
            throw new LedgerRequestException(LedgerError.Refused, "as", $"party '{author.Id}' is the operator; values are checked by the other party or an independent verifier");
        }

        var verdict = author.Role == PartyRole.Verifier ? Verdict.Verified : Verdict.Acknowledged;
        if (verdict == Verdict.Verified
            && await FindCommitmentAsync(indicator.Commitment, cancellationToken) is { } commitment
            && await FindPolicyAsync(commitment.Record.Agreement, cancellationToken) is { Record.Policy: { Verifiers: { } named } policy }
            && !policy.CountsVerifier(author.Id))
        {
            throw new LedgerRequestException(LedgerError.Refused, "as",
                $"verifier '{author.Id}' is not one of the verifiers whose checks the policy of '{commitment.Record.Agreement}' counts ({string.Join(", ", named)}); nothing was attested");
        }

        await CheckSignerAsync(request.Author, key, cancellationToken);

        // The files read and mapped exactly as an import by the reporter would read them.
        var asImport = new MeasurementImportRequest { Indicator = indicator.Id, Author = indicator.Reporter, Files = request.Files, Format = request.Format, Mapping = request.Mapping, Url = request.Url };
        var read = Read(asImport);
        SourceVerificationReport Failed(IReadOnlyList<ImportError> errors) => new(indicator, verdict, read, [], [], errors, request.DryRun, null);
        if (!read.Succeeded)
        {
            return Failed(read.Errors);
        }

        var errors = new List<ImportError>();
        var derived = Records(asImport, indicator, read, errors, []);
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        var bySeries = derived.ToDictionary(d => MeasurementState.Key(d.Record), StringComparer.Ordinal);
        var periods = derived.Select(d => d.Record.Period).Distinct().Order().ToList();
        if (periods.Count > MaxAttestationPeriods)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "files", $"the files cover {periods.Count} periods; check at most {MaxAttestationPeriods} at once");
        }

        var values = await CurrentValuesAsync(indicator.Id, periods, new Dictionary<string, string>(), cancellationToken);
        if (values.Count > MaxAttestationValues)
        {
            throw new LedgerRequestException(LedgerError.Invalid, "files", $"the files' periods hold {values.Count} logged values; check at most {MaxAttestationValues} at once");
        }

        var logged = values.Select(v => MeasurementState.Key(v.Record)).ToHashSet(StringComparer.Ordinal);
        var notLogged = derived.Where(d => !logged.Contains(MeasurementState.Key(d.Record))).Select(d => d.Record).ToList();
        var hashes = read.Sources.ToDictionary(s => s.FileName, s => s.Sha256!.Value.ToHex(), StringComparer.Ordinal);
        var url = request.Url ?? request.Format.Url;
        var now = Now();
        var checks = new List<SourceCheck>(values.Count);
        var wanted = new List<(int Check, MeasurementState Value, AttestationRecord Record)>();
        foreach (var value in values)
        {
            if (!bySeries.TryGetValue(MeasurementState.Key(value.Record), out var source))
            {
                checks.Add(new SourceCheck(value, SourceCheckOutcome.NotInFile, null, null, null));
                continue;
            }

            var figure = source.Record.Value;
            var matches = figure == value.Record.Value;
            var wants = matches ? verdict : Verdict.Disputed;
            var file = Path.GetFileName(source.File);
            if (value.Attestations.LastOrDefault(a => a.Record.Author == request.Author) is { } previous
                && previous.Record.Verdict == wants && (matches || previous.Record.Figure == figure))
            {
                checks.Add(new SourceCheck(value, SourceCheckOutcome.AlreadyAttested, figure, file, source.Line));
                continue;
            }

            var where = $"{file} sha256:{hashes[source.File]} line {source.Line.ToString(CultureInfo.InvariantCulture)} ({url})";
            checks.Add(new SourceCheck(value, matches ? SourceCheckOutcome.Matches : SourceCheckOutcome.Differs, figure, file, source.Line));
            wanted.Add((checks.Count - 1, value, new AttestationRecord
            {
                Author = request.Author,
                RecordedAt = now,
                Measurement = value.Index,
                Verdict = wants,
                Figure = matches ? null : figure,
                Reason = matches
                    ? $"verified: re-derived from {where}"
                    : $"re-derived from {where}: the file gives {figure.ToString(CultureInfo.InvariantCulture)}, not {value.Record.Value.ToString(CultureInfo.InvariantCulture)}",
                Evidence = [hashes[source.File]],
            }));
        }

        if (wanted.Count == 0 || request.DryRun)
        {
            return new SourceVerificationReport(indicator, verdict, read, checks, notLogged, [], request.DryRun, null);
        }

        // The files are stored first (every attestation cites one), and taken back if none is logged.
        var results = await WithEvidenceAsync(request.Files,
            evidence => SubmitAttestationsAsync([.. wanted.Select(w => w.Value)], [.. wanted.Select(w => w.Record)], key, cancellationToken, evidence),
            cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
        {
            checks[wanted[i].Check] = checks[wanted[i].Check] with { Attestation = results[i].Index };
        }

        return new SourceVerificationReport(indicator, verdict, read, checks, notLogged, [], DryRun: false, results.Max(r => r.CheckpointSize));
    }
}
