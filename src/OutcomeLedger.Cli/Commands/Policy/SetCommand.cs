using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli.Commands.Policy;

/// <summary>
/// <c>outcomes policy set &lt;agreement&gt;</c>: the operator logs a new evaluation policy. Options change the policy in
/// force (or the defaults); <c>--file</c> gives the whole policy as JSON.
/// </summary>
internal static class SetCommand
{
    public static Command Create()
    {
        var agreement = new Argument<string>("agreement") { Description = "The agreement the policy governs" };
        var file = new Option<string?>("--file") { Description = "The whole policy as JSON (camelCase fields of EvaluationPolicy; numbers as strings)", HelpName = "policy.json" };
        var met = new Option<string[]>("--counts-toward-met") { Description = "Verification states whose values count toward MET (comma-separated or repeated)", HelpName = "states" };
        var trend = new Option<string[]>("--counts-toward-trend") { Description = "Verification states whose values count toward the other ratings", HelpName = "states" };
        var verifiedShare = ValueOptions.Decimal("--min-verified-share", "Share of counted values that must be acknowledged or verified (0..1)");
        var significant = ValueOptions.Decimal("--significant-change", "A change below this fraction of the baseline is incremental (e.g. 0.10)");
        var before = new Option<int?>("--min-periods-before") { Description = "Monthly values needed before the commitment for a trend analysis" };
        var after = new Option<int?>("--min-periods-after") { Description = "Monthly values needed after the commitment" };
        var confidence = ValueOptions.Decimal("--confidence-level", "0.8, 0.9, 0.95 or 0.99");
        var rollup = new Option<string?>("--rollup") { Description = "How indicator ratings roll up to the commitment: worst or all-met" };
        var resolvers = new Option<string[]>("--dispute-resolvers") { Description = "Verifiers who may decide disputes (comma-separated or repeated; 'any' for any registered verifier)", HelpName = "parties" };
        var resets = new Option<string[]>("--reset-statements") { Description = "Statements that reset expectations: a commitment citing one is assessed from its date ('none' to clear)", HelpName = "statements" };
        var verifiers = new Option<string[]>("--verifiers") { Description = "Verifiers whose checks count (comma-separated or repeated; 'any' for every registered verifier)", HelpName = "parties" };
        var dataNotes = new Option<string?>("--data-notes") { Description = "Whether scorecards carry data notes (outliers, running totals that fell, gaps; prompts to check the source): on (a new policy's default) or off", HelpName = "on|off" };
        dataNotes.AcceptOnlyFromAmong("on", "off");
        var key = CommonOptions.Key();
        key.Description = "The operator's signing key file (default: $OUTCOMES_KEY, else the ledger folder's keys/operator.key)";
        var command = new Command("set", "Log an agreement's evaluation policy (signed by the ledger's operator)")
        {
            agreement, file, met, trend, verifiedShare, significant, before, after, confidence, rollup, resolvers, resets, verifiers, dataNotes, key,
        };
        Examples.Add(command,
            "outcomes policy set us-mx-security --counts-toward-met acknowledged,verified,resolved --significant-change 0.10",
            "outcomes policy set us-mx-security --dispute-resolvers verifier --verifiers verifier --reset-statements joint-statement-2026-01-15",
            "outcomes policy set us-mx-security --file policy.json");
        CommandAction.Set(command, async (context, ct) =>
        {
            var parse = context.Parse;
            await using var ledger = await context.OpenLedgerAsync(ct);
            var agreementId = new AgreementId(parse.GetRequiredValue(agreement));
            var policy = (await ledger.Session.FindPolicyAsync(agreementId, ct))?.Record.Policy ?? new EvaluationPolicy();
            if (parse.GetValue(file) is { } path)
            {
                policy = await ReadAsync(path, ct);
            }

            var metStates = ValueOptions.List(parse.GetValue(met));
            var trendStates = ValueOptions.List(parse.GetValue(trend));
            var resolverIds = ValueOptions.List(parse.GetValue(resolvers));
            var resetIds = ValueOptions.List(parse.GetValue(resets));
            var verifierIds = ValueOptions.List(parse.GetValue(verifiers));
            policy = policy with
            {
                CountsTowardMet = metStates.Count > 0 ? metStates : policy.CountsTowardMet,
                CountsTowardTrend = trendStates.Count > 0 ? trendStates : policy.CountsTowardTrend,
                MinVerifiedShare = parse.GetValue(verifiedShare) ?? policy.MinVerifiedShare,
                SignificantChange = parse.GetValue(significant) ?? policy.SignificantChange,
                MinPeriodsBefore = parse.GetValue(before) ?? policy.MinPeriodsBefore,
                MinPeriodsAfter = parse.GetValue(after) ?? policy.MinPeriodsAfter,
                ConfidenceLevel = parse.GetValue(confidence) ?? policy.ConfidenceLevel,
                Rollup = parse.GetValue(rollup) ?? policy.Rollup,
                DisputeResolvers = resolverIds switch
                {
                    [] => policy.DisputeResolvers,
                    ["any"] => null,
                    _ => [.. resolverIds.Select(p => new PartyId(p))],
                },
                ResetStatements = resetIds switch
                {
                    [] => policy.ResetStatements,
                    ["none"] => null,
                    _ => [.. resetIds.Select(s => new StatementId(s))],
                },
                Verifiers = verifierIds switch
                {
                    [] => policy.Verifiers,
                    ["any"] => null,
                    _ => [.. verifierIds.Select(p => new PartyId(p))],
                },

                // A policy logged now names its data notes: on unless asked otherwise (a policy logged before they existed has none).
                DataNotes = parse.GetValue(dataNotes) is { } notes ? notes == "on" : policy.DataNotes ?? true,
            };
            var author = new PartyId("operator");
            using var signingKey = await AuthorKey.LoadAsync(context, key, author, ledger, ct);
            var record = new PolicyRecord { Author = author, RecordedAt = ledger.Session.Now(), Agreement = agreementId, Policy = policy };
            var result = await ledger.Session.RecordAsync(record, signingKey, ct);
            if (context.Json)
            {
                context.WriteJson(new PolicyWritten(agreementId, result.Index, ValueOptions.Name(result.Status), policy), CliJsonContext.Output.PolicyWritten);
            }
            else
            {
                context.Output.WriteLine($"Policy of '{agreementId}' {Submission.Describe(result)}.");
                context.Output.WriteLine($"Counts toward MET: {string.Join(", ", policy.CountsTowardMet)}; toward trends: {string.Join(", ", policy.CountsTowardTrend)}.");
                context.Output.WriteLine($"Min verified share {ValueOptions.Format(policy.MinVerifiedShare)}, significant change {ValueOptions.Format(policy.SignificantChange)}, periods {policy.MinPeriodsBefore} before / {policy.MinPeriodsAfter} after, confidence {ValueOptions.Format(policy.ConfidenceLevel)}, rollup {policy.Rollup}.");
                context.Output.WriteLine($"Disputes decided by: {(policy.DisputeResolvers is { } named ? string.Join(", ", named) : "any registered verifier")}; expectations reset by: {(policy.ResetStatements is { } statements ? string.Join(", ", statements) : "no statement")}; checks counted from: {(policy.Verifiers is { } counted ? string.Join(", ", counted) : "any registered verifier")}; data notes: {(policy.DataNotes == true ? "on" : "off")}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    static async Task<EvaluationPolicy> ReadAsync(string path, CancellationToken cancellationToken)
    {
        InputFile.Require(path, "--file: ");

        try
        {
            // The records' own metadata (no reflection, so the Native AOT build reads it too). A generated reader sets a
            // member the file leaves out to its type's default, not to the policy's (dotnet/runtime#84484): the file's
            // members are laid over the default policy's, so what it omits keeps the default, as it did by reflection.
            var info = (JsonTypeInfo<EvaluationPolicy>)RecordJson.Options.GetTypeInfo(typeof(EvaluationPolicy));
            var given = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken));
            if (given is null)
            {
                throw CliError.Check($"{path}: the file holds null, not a policy");
            }

            if (given is not JsonObject members)
            {
                throw CliError.Check($"{path}: not a policy: a JSON object is expected");
            }

            var policy = JsonSerializer.SerializeToNode(new EvaluationPolicy(), info)!.AsObject();
            foreach (var (name, value) in members.ToList())
            {
                members.Remove(name);
                policy[name] = value;
            }

            return policy.Deserialize(info) ?? throw CliError.Check($"{path}: the file holds null, not a policy");
        }
        catch (JsonException e)
        {
            throw CliError.Check($"{path}: not a policy: {e.Message}");
        }
    }
}
