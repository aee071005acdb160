using System.Globalization;
using System.Text;
using OutcomeLedger.Core.Evaluation;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Text;

/// <summary>
/// Every word OutcomeLedger shows people, in one language: the scorecards (HTML, Markdown), the dashboard, the CLI's
/// tables and messages, and the sentences that explain ratings and statistical shortfalls. One type with an
/// <see cref="English"/> and a <see cref="Spanish"/> instance (one file each): every word is a required member, so a
/// missing translation does not compile. The same concept has one member, so it reads the same everywhere.
/// Templates name their placeholders in braces (<c>"checkpoint of {size} entries"</c>) and are filled by
/// <see cref="Fill"/>; both languages use the same placeholders (a test checks). Codes (ratings as MET, statuses as
/// self-reported) are not words: JSON keeps them. Nothing here reads a file or a culture: the build runs with
/// invariant globalization. See docs/architecture.md, "Text catalogue".
/// </summary>
public sealed partial class TextCatalogue
{
    /// <summary>English and Spanish, in the order of <see cref="ScorecardLanguage"/>.</summary>
    public static IReadOnlyList<TextCatalogue> All => [English, Spanish];

    public static TextCatalogue For(ScorecardLanguage language) => language == ScorecardLanguage.Spanish ? Spanish : English;

    /// <summary>"en" or "es" (also "en-US", "es-MX"); false for any other language.</summary>
    public static bool TryParseLanguage(string? code, out ScorecardLanguage language)
    {
        language = ScorecardLanguage.English;
        var primary = code?.Split('-')[0].ToLowerInvariant();
        switch (primary)
        {
            case "en":
                return true;
            case "es":
                language = ScorecardLanguage.Spanish;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The label of a form field (<see cref="Ledger.FormField.Name"/>), in this language; the name itself when none is known.</summary>
    public string FieldLabel(string name) => name switch
    {
        "indicator" => Indicator,
        "period" => Period,
        "value" => Value,
        "dimensions" => Dimensions,
        "dataset" => Dataset,
        "sourceUrl" => SourceUrl,
        "note" => Note,
        "supersedes" => Supersedes,
        "measurement" => MeasurementEntry,
        "verdict" => Verdict,
        "figure" => Figure,
        "reason" => Reason,
        "id" => StatementId,
        "date" => Date,
        "title" => Title,
        "speaker" => Speaker,
        "statementKind" => Kind,
        "quote" => VerbatimQuote,
        "quoteLang" => QuoteLanguage,
        "provisional" => Provisional,
        _ => name,
    };

    /// <summary>The hint shown under a form field, or null.</summary>
    public string? FieldHint(string name) => name switch
    {
        "period" => PeriodHint,
        "value" => ValueHint,
        "dimensions" => DimensionsHint,
        "supersedes" => SupersedesHint,
        "measurement" => MeasurementEntryHint,
        "figure" => FigureHint,
        "id" => StatementIdHint,
        "quoteLang" => QuoteLanguageHint,
        _ => null,
    };

    /// <summary>The title of a record kind's form and its button ("New measurement", "Submit the measurement").</summary>
    public (string Title, string Submit) FormWords(string kind) => kind switch
    {
        "measurement" => (NewMeasurement, SubmitMeasurement),
        "attestation" => (NewAttestation, SubmitAttestation),
        "statement" => (NewStatement, SubmitStatement),
        _ => (kind, kind),
    };

    /// <summary>The name of a choice in a form (a verdict, a kind of statement), in this language.</summary>
    public string ChoiceName(Enum value) => value switch
    {
        Ledger.Verdict verdict => VerdictName(verdict),
        Ledger.StatementKind statementKind => StatementKindName(statementKind),
        _ => value.ToString(),
    };

    /// <summary>
    /// <paramref name="template"/> with each <c>{name}</c> replaced by its value; a placeholder without a value is a bug
    /// and throws, so a template and its caller cannot drift apart silently.
    /// </summary>
    public static string Fill(string template, params ReadOnlySpan<(string Name, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"unclosed placeholder in \"{template}\"");
            }

            text.Append(template, at, open - at);
            var name = template.AsSpan(open + 1, close - open - 1);
            var found = false;
            foreach (var (key, value) in values)
            {
                if (name.SequenceEqual(key))
                {
                    text.Append(value);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                throw new FormatException($"no value for {{{name}}} in \"{template}\"");
            }

            at = close + 1;
        }

        return text.ToString();
    }

    /// <summary>The names of the placeholders of <paramref name="template"/>, in order.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open);
            if (close > open)
            {
                yield return template[(open + 1)..close];
            }
        }
    }

    /// <summary>A whole number as this catalogue's numbers are written in sentences (no grouping: counts are small).</summary>
    static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    // ---- The language and its formats ----

    public required ScorecardLanguage Language { get; init; }

    /// <summary>The BCP 47 code: "en", "es".</summary>
    public required string Code { get; init; }

    /// <summary>The language's name in itself ("English", "Español"): the label of the switch to it.</summary>
    public required string LanguageName { get; init; }

    public required char GroupSeparator { get; init; }

    public required char DecimalSeparator { get; init; }

    /// <summary>Twelve month abbreviations, January first: dates and periods.</summary>
    public required IReadOnlyList<string> MonthAbbreviations { get; init; }

    /// <summary>Twelve month names, January first.</summary>
    public required IReadOnlyList<string> MonthNames { get; init; }

    /// <summary>The letter before a quarter's number: Q1 2025 / T1 2025.</summary>
    public required string QuarterLetter { get; init; }

    /// <summary>Numbers and dates in this language.</summary>
    public LocalFormat Format => field ??= new LocalFormat(GroupSeparator, DecimalSeparator, MonthAbbreviations, QuarterLetter);

    // ---- Ratings, statuses and kinds: the words for codes ----

    public required string RatingNotYetAssessed { get; init; }

    public required string RatingMet { get; init; }

    public required string RatingOnTrack { get; init; }

    public required string RatingIncremental { get; init; }

    public required string RatingStalled { get; init; }

    public required string RatingRegressed { get; init; }

    public required string RatingUnverifiable { get; init; }

    public required string StatusSelfReported { get; init; }

    public required string StatusAcknowledged { get; init; }

    public required string StatusDisputed { get; init; }

    public required string StatusVerified { get; init; }

    public required string StatusVerificationFailed { get; init; }

    public required string StatusResolved { get; init; }

    /// <summary>The withdrawal of a dispute, by its disputer (a verdict, not a status).</summary>
    public required string VerdictWithdrawn { get; init; }

    /// <summary>A value's first report, as a step of its history.</summary>
    public required string EventReported { get; init; }

    /// <summary>A correction that superseded the value before it, as a step of its history.</summary>
    public required string EventCorrected { get; init; }

    /// <summary>One side of a dispute proposing the figure to stand, as a step of the value's history.</summary>
    public required string EventResolutionProposed { get; init; }

    /// <summary>Heading of a value's history: reported, disputed, corrected, resolved.</summary>
    public required string ValueHistory { get; init; }

    /// <summary>What a step of a value's history ended: <c>{entries}</c> the disputes' entries ("#435, #440").</summary>
    public required string EndsDisputes { get; init; }

    /// <summary>A dispute still open on a value, carried over from a value it corrected: <c>{entry}</c> the dispute's entry.</summary>
    public required string DisputeCarriedOver { get; init; }

    public required string KindJointStatement { get; init; }

    public required string KindPressRelease { get; init; }

    public required string KindPost { get; init; }

    public required string KindSpeech { get; init; }

    public required string KindTestimony { get; init; }

    public required string KindOther { get; init; }

    /// <summary>"monthly values": after a count, in the reasons.</summary>
    public required string MonthlyValues { get; init; }

    public required string QuarterlyValues { get; init; }

    public required string AnnualValues { get; init; }

    public required string Months { get; init; }

    public required string Quarters { get; init; }

    public required string Years { get; init; }

    /// <summary>The policy's rollup "worst", in words.</summary>
    public required string RollupWorst { get; init; }

    /// <summary>The policy's rollup "all-met", in words.</summary>
    public required string RollupAllMet { get; init; }

    public required string RoleParty { get; init; }

    public required string RoleVerifier { get; init; }

    public required string RoleAdmin { get; init; }

    /// <summary>The ledger's operator, a party's role.</summary>
    public required string RoleOperator { get; init; }

    // ---- Words every output shares ----

    public required string Agreement { get; init; }

    public required string Agreements { get; init; }

    public required string Commitment { get; init; }

    public required string Indicator { get; init; }

    public required string Indicators { get; init; }

    public required string Rating { get; init; }

    /// <summary>Why a rating was given, and why an attestation says what it says: one word for both.</summary>
    public required string Reason { get; init; }

    public required string Period { get; init; }

    public required string Value { get; init; }

    /// <summary>"values", lower case, after a count.</summary>
    public required string Values { get; init; }

    public required string Unit { get; init; }

    public required string Source { get; init; }

    public required string Status { get; init; }

    /// <summary>"entry", lower case, in running text and facts.</summary>
    public required string Entry { get; init; }

    /// <summary>"Entry", a column heading.</summary>
    public required string EntryHeading { get; init; }

    /// <summary>Under a list that shows one page: "Showing {first}–{last} of {total}."</summary>
    public required string ShowingPage { get; init; }

    /// <summary>Under a list with more pages: "{option} {next} shows the next ones; {limit} up to {max} shows more at once."</summary>
    public required string NextPage { get; init; }

    /// <summary>A link to the page of newer values of a list shown newest first.</summary>
    public required string NewerValues { get; init; }

    /// <summary>A link to the page of older values of a list shown newest first.</summary>
    public required string OlderValues { get; init; }

    public required string Speaker { get; init; }

    public required string Title { get; init; }

    public required string Date { get; init; }

    public required string Name { get; init; }

    public required string Note { get; init; }

    public required string Dimensions { get; init; }

    public required string Direction { get; init; }

    public required string Verdict { get; init; }

    /// <summary>The figure as reported (a column heading).</summary>
    public required string Reported { get; init; }

    /// <summary>The party that reports an indicator's values.</summary>
    public required string Reporter { get; init; }

    public required string Provisional { get; init; }

    public required string Yes { get; init; }

    public required string No { get; init; }

    public required string Total { get; init; }

    public required string Measurements { get; init; }

    public required string Statements { get; init; }

    public required string Results { get; init; }

    public required string NotFound { get; init; }

    public required string Empty { get; init; }

    // ---- Scorecards ----

    public required string Scorecard { get; init; }

    public required string Summary { get; init; }

    public required string MadeOn { get; init; }

    public required string Due { get; init; }

    public required string NoDueDate { get; init; }

    public required string Responsible { get; init; }

    public required string Checkpoint { get; init; }

    public required string Origin { get; init; }

    /// <summary>A checkpoint's tree size.</summary>
    public required string TreeSize { get; init; }

    public required string RootHash { get; init; }

    public required string SignedNote { get; init; }

    public required string AsOf { get; init; }

    public required string Policy { get; init; }

    public required string DefaultPolicy { get; init; }

    public required string CountsTowardMet { get; init; }

    public required string CountsTowardTrend { get; init; }

    public required string MinVerifiedShare { get; init; }

    public required string SignificantChange { get; init; }

    public required string MinPeriods { get; init; }

    public required string ConfidenceLevel { get; init; }

    public required string Rollup { get; init; }

    /// <summary>The policy's verifiers who may decide disputes (a label).</summary>
    public required string DisputeResolvers { get; init; }

    /// <summary>The policy's statements that reset expectations (a label).</summary>
    public required string ResetStatements { get; init; }

    public required string CountedVerifiers { get; init; }

    /// <summary>The figure that stands (a column heading).</summary>
    public required string Stands { get; init; }

    /// <summary>Whether a value counts (a column heading).</summary>
    public required string Counts { get; init; }

    public required string Baseline { get; init; }

    public required string Target { get; init; }

    public required string TargetPath { get; init; }

    public required string Illustrative { get; init; }

    public required string IllustrativeShort { get; init; }

    public required string Agreed { get; init; }

    /// <summary>The label of a commitment's or an indicator's terms: agreed, or proposed and by whom.</summary>
    public required string Terms { get; init; }

    /// <summary>Terms every party of the agreement accepted.</summary>
    public required string TermsAgreed { get; init; }

    /// <summary>Terms {proposer} proposed that {parties} have not accepted (the rating still uses them).</summary>
    public required string TermsProposed { get; init; }

    /// <summary>A target {proposer} proposed that {parties} have not accepted (the rating still measures against it).</summary>
    public required string TargetProposed { get; init; }

    /// <summary>The label of a standing objection to terms by {party}.</summary>
    public required string ObjectionBy { get; init; }

    public required string Caveat { get; init; }

    public required string PairedWith { get; init; }

    public required string PairedReading { get; init; }

    public required string Statistics { get; init; }

    public required string SegmentedRegression { get; init; }

    public required string ChangeAtLast { get; init; }

    public required string PercentChange { get; init; }

    public required string LevelChange { get; init; }

    public required string SlopeChange { get; init; }

    public required string PreTrend { get; init; }

    public required string MonthEffects { get; init; }

    public required string TrendTest { get; init; }

    public required string SeasonalTrendTest { get; init; }

    public required string SensSlope { get; init; }

    public required string RelativeChange { get; init; }

    public required string TargetPosition { get; init; }

    public required string InsufficientData { get; init; }

    public required string Disputes { get; init; }

    public required string DisputedFigure { get; init; }

    public required string ResolvedTo { get; init; }

    public required string Corrects { get; init; }

    public required string CommitmentMarker { get; init; }

    public required string Legend { get; init; }

    public required string CountedValues { get; init; }

    public required string ConfirmedValues { get; init; }

    public required string DisputedValues { get; init; }

    public required string DataSource { get; init; }

    public required string Verification { get; init; }

    /// <summary>An estimate's interval in the statistics table: {level} {lower} {upper}.</summary>
    public required string EstimateInterval { get; init; }

    public required string ChartAlt { get; init; }

    public required string Expected { get; init; }

    public required string Latest { get; init; }

    public required string Achieved { get; init; }

    public required string TimeElapsed { get; init; }

    public required string Lag { get; init; }

    public required string Footer { get; init; }

    /// <summary>The ministerial pack's words (<c>outcomes pack</c>).</summary>
    public required PackText Pack { get; init; }

    /// <summary>The spreadsheet export's words (<c>outcomes export</c>).</summary>
    public required ExportText Export { get; init; }

    /// <summary>The charts' and the dashboard home's words.</summary>
    public required ChartText Chart { get; init; }

    /// <summary>The words of what changed between two checkpoints (<c>outcomes diff</c>, the dashboard's "since the last meeting").</summary>
    public required DiffText Diff { get; init; }

    // ---- The two axes: the observed change, the confirmation and what a rating still needs ----

    /// <summary>The logged policy, inside a reason: {policy}.</summary>
    public required string PolicyAgreedName { get; init; }

    /// <summary>"the policy proposed by {party}": a logged policy not every party of the agreement has accepted yet.</summary>
    public required string PolicyProposedName { get; init; }

    /// <summary>The default policy (none logged), inside a reason: {policy}.</summary>
    public required string PolicyDefaultName { get; init; }

    /// <summary>Reason: no stated baseline and too few baseline values.</summary>
    public required string ReasonNoBaseline { get; init; }

    /// <summary>The observed change's reference, inside {against}.</summary>
    public required string AgainstBaseline { get; init; }

    /// <summary>The compared periods and the baseline: {from} {to} {mean} {baseline}.</summary>
    public required string ObservedComparison { get; init; }

    /// <summary>An estimated baseline: {value} {from} {to}.</summary>
    public required string BaselineMeanOf { get; init; }

    /// <summary>A stated baseline: {value}.</summary>
    public required string BaselineStatedValue { get; init; }

    /// <summary>A baseline of the compared calendar months: {value} {from} {to}.</summary>
    public required string BaselineSameMonthsOf { get; init; }

    /// <summary>A recent value that is a mean: {value} {count} ("3 months").</summary>
    public required string RecentMean { get; init; }

    /// <summary>A recent value of one period: {value} {period} ("month").</summary>
    public required string RecentSingle { get; init; }

    /// <summary>A need: {count} ("3 more months") {expectedBy}.</summary>
    public required string NeedMoreData { get; init; }

    /// <summary>More data whose expected date has passed: {count} {expectedBy}.</summary>
    public required string NeedMoreDataOverdue { get; init; }

    /// <summary>Current data: nothing after {latest}, though the next value was due by {dueBy}.</summary>
    public required string NeedCurrentData { get; init; }

    /// <summary>Added to a reason whose series is overdue: {latest} {dueBy}.</summary>
    public required string ReasonStale { get; init; }

    /// <summary>A need: {count} {values} {from} {to}.</summary>
    public required string NeedBaseline { get; init; }

    /// <summary>A range of periods: {from} {to}.</summary>
    public required string PeriodRange { get; init; }

    /// <summary>More values needed: "{n} more value".</summary>
    public required Plural MoreValues { get; init; }

    /// <summary>A need: {parties} {count} {values} {from} {to}.</summary>
    public required string NeedAcknowledgement { get; init; }

    /// <summary>A need: one open dispute on {periods}.</summary>
    public required string NeedDispute { get; init; }

    /// <summary>A need: open disputes on {periods}.</summary>
    public required string NeedDisputes { get; init; }

    /// <summary>No need.</summary>
    public required string NeedNothing { get; init; }

    /// <summary>The first axis' heading.</summary>
    public required string DataSays { get; init; }

    /// <summary>The second axis' heading.</summary>
    public required string ConfirmedAxis { get; init; }

    /// <summary>The needs' heading.</summary>
    public required string StillNeeds { get; init; }

    /// <summary>The second axis: {confirmed} {values} {share} {required} {disputes}.</summary>
    public required string ConfirmationSummary { get; init; }

    /// <summary>The window's label.</summary>
    public required string AssessmentWindow { get; init; }

    /// <summary>The window: {baselineFrom} {baselineTo} {from} {to} {date}.</summary>
    public required string WindowText { get; init; }

    /// <summary>The window from a statement that reset expectations: {baselineFrom} {baselineTo} {from} {to} {date} {statement}.</summary>
    public required string WindowFromStatementText { get; init; }

    /// <summary>The observed change's label.</summary>
    public required string ObservedChangeLabel { get; init; }

    /// <summary>Label of the projected-trend and trend-test lines.</summary>
    public required string SecondaryEvidence { get; init; }

    /// <summary>The values an analysis ran on: {from} {to}.</summary>
    public required string OnPeriods { get; init; }

    /// <summary>One month, in a recent value.</summary>
    public required string MonthSingular { get; init; }

    /// <summary>One quarter, in a recent value.</summary>
    public required string QuarterSingular { get; init; }

    /// <summary>One year, in a recent value.</summary>
    public required string YearSingular { get; init; }

    /// <summary>A count of months.</summary>
    public required Plural MonthCount { get; init; }

    /// <summary>A count of quarters.</summary>
    public required Plural QuarterCount { get; init; }

    /// <summary>A count of years.</summary>
    public required Plural YearCount { get; init; }

    /// <summary>More months of data.</summary>
    public required Plural MoreMonths { get; init; }

    /// <summary>More quarters of data.</summary>
    public required Plural MoreQuarters { get; init; }

    /// <summary>More years of data.</summary>
    public required Plural MoreYears { get; init; }

    /// <summary>Open disputes.</summary>
    public required Plural OpenDisputeCount { get; init; }

    // ---- Reasons for ratings: placeholders {subject}, {change}, {rating}, {have}, {needed}, ... ----

    public required string ReasonTooEarly { get; init; }

    public required string ReasonNoCountedValues { get; init; }

    public required string ReasonTooFewBefore { get; init; }

    public required string ReasonTooFewAfter { get; init; }

    public required string ReasonModelInsufficient { get; init; }

    public required string ReasonNoDistinguishableChange { get; init; }

    public required string ReasonWrongDirection { get; init; }

    public required string ReasonBelowThreshold { get; init; }

    public required string ReasonBehindTargetPath { get; init; }

    public required string ReasonSignificantChange { get; init; }

    public required string ReasonOnTargetPath { get; init; }

    public required string ReasonTargetReachedUnconfirmed { get; init; }

    public required string ReasonTargetReached { get; init; }

    public required string ReasonTooFewConfirmed { get; init; }

    public required string ReasonUnresolvedDispute { get; init; }

    public required string ReasonUnresolvedDisputes { get; init; }

    public required string ReasonRollupWorst { get; init; }

    public required string ReasonRollupAllMet { get; init; }

    public required string ReasonNoIndicators { get; init; }

    /// <summary>The change a reason rests on: {subject} {magnitude} {against} {interval}.</summary>
    public required string ChangeRose { get; init; }

    public required string ChangeFell { get; init; }

    public required string ChangeNone { get; init; }

    public required string AgainstTrend { get; init; }

    public required string AgainstMean { get; init; }

    /// <summary>A confidence interval: {level} {lower} {upper}.</summary>
    public required string Interval { get; init; }

    /// <summary>The target in a reason: {value} {date}.</summary>
    public required string TargetAgreed { get; init; }

    public required string TargetIllustrative { get; init; }

    // ---- Statistical shortfalls (insufficient data); the English ones are the scorecard JSON's words ----

    public required string ShortfallTooFewForTrendTest { get; init; }

    public required string ShortfallTooFewForSensSlope { get; init; }

    public required string ShortfallTooFewSeasons { get; init; }

    public required string ShortfallTooFewBaselineValues { get; init; }

    public required string ShortfallTooFewComparisonValues { get; init; }

    public required string ShortfallZeroBaselineMean { get; init; }

    public required string ShortfallDueNotAfterBaseline { get; init; }

    public required string ShortfallTargetEqualsBaseline { get; init; }

    public required string ShortfallTooFewBeforeIntervention { get; init; }

    public required string ShortfallTooFewAfterIntervention { get; init; }

    public required string ShortfallTooFewForCoefficients { get; init; }

    public required string ShortfallTooFewForLag { get; init; }

    public required string ShortfallRankDeficient { get; init; }

    public required string ShortfallNoCountedValues { get; init; }

    public required string ShortfallNoReferenceForChange { get; init; }

    public required string ShortfallComparisonOverlapsBaseline { get; init; }

    public required string ShortfallNoBaselineValue { get; init; }

    /// <summary>"1 value", "8 values".</summary>
    public required Plural ValueCount { get; init; }

    public required Plural MonthlyValueCount { get; init; }

    public required Plural BaselineValueCount { get; init; }

    /// <summary>"at least 1 is needed", "at least 12 are needed".</summary>
    public required Plural AtLeastNeeded { get; init; }

    /// <summary>"1 of 12 calendar months has", "3 of 12 calendar months have".</summary>
    public required Plural CalendarMonthsWith { get; init; }

    // ---- The dashboard ----

    public required string SkipToContent { get; init; }

    public required string Navigation { get; init; }

    public required string Log { get; init; }

    public required string Submit { get; init; }

    public required string AgreementsIntro { get; init; }

    public required string CommitmentsCaption { get; init; }

    public required string FullScorecard { get; init; }

    public required string AtCheckpoint { get; init; }

    public required string EvaluatedAt { get; init; }

    public required string LoggedAt { get; init; }

    public required string CheckEntry { get; init; }

    public required string CommitmentNotFound { get; init; }

    public required string IndicatorNotFound { get; init; }

    public required string TimelineExplain { get; init; }

    public required string MeasurementsAndEvidence { get; init; }

    public required string ChartCaption { get; init; }

    public required string ChartData { get; init; }

    public required string OtherFigure { get; init; }

    public required string MeasurementsCaption { get; init; }

    public required string Evidence { get; init; }

    public required string SupersededBy { get; init; }

    public required string Link { get; init; }

    public required string AtLine { get; init; }

    public required string NotDeposited { get; init; }

    public required string LogIntro { get; init; }

    public required string LatestCheckpoint { get; init; }

    public required string Cosignatures { get; init; }

    public required string NoCosignatures { get; init; }

    public required string CosignaturesCaption { get; init; }

    public required string Witness { get; init; }

    public required string KeyId { get; init; }

    public required string CosignedAt { get; init; }

    public required string VerifyTitle { get; init; }

    public required string EntryIndex { get; init; }

    public required string Verify { get; init; }

    public required string VerifyExplain { get; init; }

    public required string SignIn { get; init; }

    public required string SignOut { get; init; }

    public required string SignedInAs { get; init; }

    public required string Token { get; init; }

    public required string SignInExplain { get; init; }

    public required string SignInFailed { get; init; }

    public required string SignInFirst { get; init; }

    public required string FormExpired { get; init; }

    public required string SubmitExplain { get; init; }

    public required string NoDelegatedKey { get; init; }

    public required string Refused { get; init; }

    public required string ShuttingDown { get; init; }

    public required string Logged { get; init; }

    public required string AlreadyLogged { get; init; }

    public required string NewMeasurement { get; init; }

    public required string NewAttestation { get; init; }

    public required string NewStatement { get; init; }

    public required string NoIndicators { get; init; }

    public required string PeriodHint { get; init; }

    public required string ValueHint { get; init; }

    public required string DimensionsHint { get; init; }

    public required string Dataset { get; init; }

    public required string SourceUrl { get; init; }

    public required string Supersedes { get; init; }

    public required string SupersedesHint { get; init; }

    public required string SubmitMeasurement { get; init; }

    public required string MeasurementEntry { get; init; }

    public required string MeasurementEntryHint { get; init; }

    public required string Figure { get; init; }

    public required string FigureHint { get; init; }

    public required string SubmitAttestation { get; init; }

    public required string StatementId { get; init; }

    public required string StatementIdHint { get; init; }

    public required string Kind { get; init; }

    public required string VerbatimQuote { get; init; }

    public required string QuoteLanguage { get; init; }

    public required string QuoteLanguageHint { get; init; }

    public required string SubmitStatement { get; init; }

    public required string FieldRequired { get; init; }

    public required string FieldTooLong { get; init; }

    public required string FieldNotNumber { get; init; }

    /// <summary>A number with a control character: <c>{field}</c>, <c>{character}</c> (U+0000), <c>{position}</c>.</summary>
    public required string FieldNumberControl { get; init; }

    /// <summary>A number with more decimal places than are stored exactly: <c>{field}</c>, <c>{count}</c>, <c>{max}</c>.</summary>
    public required string FieldNumberPlaces { get; init; }

    /// <summary>A number with more significant digits than are stored exactly: <c>{field}</c>, <c>{count}</c>, <c>{max}</c>.</summary>
    public required string FieldNumberDigits { get; init; }

    public required string FieldNotDate { get; init; }

    public required string FieldNotPeriod { get; init; }

    public required string FieldDimensions { get; init; }

    public required string Attest { get; init; }

    /// <summary>The log page's in-browser proof check (its script fills {i}, {leaf}, {size}, {root}, {k}).</summary>
    public required string ProofVerified { get; init; }

    public required string ProofNotVerified { get; init; }

    public required string ProofMismatch { get; init; }

    public required string ProofNotReceipt { get; init; }

    public required string ProofOtherEntry { get; init; }

    public required string ProofTooLong { get; init; }

    // ---- The CLI ----

    public required string CommitmentOrIndicator { get; init; }

    public required string AtCheckpointLine { get; init; }

    public required string Wrote { get; init; }

    public required string DemoTitle { get; init; }

    /// <summary>The demo's log: <c>{entries}</c>, <c>{seconds}</c>, <c>{root}</c>.</summary>
    public required string DemoLogged { get; init; }

    /// <summary>The demo's own verification: <c>{entries}</c>, <c>{tiles}</c>, <c>{checkpoints}</c>.</summary>
    public required string DemoVerified { get; init; }

    /// <summary>The verifier's check of one indicator: <c>{values}</c> (a count), <c>{indicator}</c>, <c>{files}</c>, <c>{matches}</c>, <c>{differs}</c>.</summary>
    public required string DemoSourceCheck { get; init; }

    public required string DemoScorecard { get; init; }

    public required string DemoMachineReadable { get; init; }

    public required string DemoTiles { get; init; }

    public required string DemoNextSteps { get; init; }

    public required string DemoStepReview { get; init; }

    public required string DemoStepAccept { get; init; }

    public required string DemoStepData { get; init; }

    public required string DemoExplore { get; init; }

    public required string ValueIn { get; init; }

    public required string CorrectsEntry { get; init; }

    public required string CorrectedBy { get; init; }

    public required string NoMeasurementsOf { get; init; }

    public required string NoMeasurementsOfFor { get; init; }

    public required string NoMeasurementsYet { get; init; }

    public required string IndicatorEntry { get; init; }

    public required string UnitLine { get; init; }

    public required string FromTo { get; init; }

    public required string MeanOfCountedValues { get; init; }

    public required string AgainstTheBaseline { get; init; }

    public required string TargetBy { get; init; }

    public required string StatsSummary { get; init; }

    public required string StatsNoMissingMonths { get; init; }

    public required string StatsMissingMonths { get; init; }

    public required string StatsTrend { get; init; }

    public required string StatsEstimate { get; init; }

    public required string StatsValue { get; init; }

    public required string StatsInterval { get; init; }

    public required string StatsReading { get; init; }

    public required string StatsMannKendall { get; init; }

    public required string StatsSensSlope { get; init; }

    public required string StatsSeasonalMannKendall { get; init; }

    public required string StatsSeasonalSensSlope { get; init; }

    public required string StatsSeasons { get; init; }

    public required string StatsPerMonth { get; init; }

    public required string StatsNoTrend { get; init; }

    public required string StatsRising { get; init; }

    public required string StatsFalling { get; init; }

    public required string StatsRelativeChange { get; init; }

    public required string StatsBaseline { get; init; }

    public required string StatsLatest { get; init; }

    public required string StatsChange { get; init; }

    public required string StatsInsufficient { get; init; }

    public required string StatsTargetPath { get; init; }

    public required string StatsTargetFrom { get; init; }

    public required string StatsTargetLatest { get; init; }

    public required string StatsTargetProgress { get; init; }

    public required string StatsTargetReached { get; init; }

    public required string StatsOnOrAhead { get; init; }

    public required string StatsBehind { get; init; }

    public required string StatsIts { get; init; }

    public required string StatsItsFit { get; init; }

    public required string StatsMonthEffects { get; init; }

    public required string StatsNoMonthEffects { get; init; }

    public required string StatsStudentT { get; init; }

    public required string StatsNormal { get; init; }

    public required string StatsTrendBefore { get; init; }

    public required string StatsLevelChange { get; init; }

    public required string StatsSlopeChange { get; init; }

    public required string StatsChangeAt { get; init; }

    public required string StatsAsPercent { get; init; }

    public required string StatsProjected { get; init; }

    public required string StatsProjectionNotPositive { get; init; }

    public required string StatsNotDistinguishable { get; init; }

    public required string StatsBelowProjection { get; init; }

    public required string StatsAboveProjection { get; init; }

    // ---- CLI tables and the import report ----

    public required string Party { get; init; }

    public required string Parties { get; init; }

    public required string Role { get; init; }

    public required string ActiveKeys { get; init; }

    /// <summary>"Public key", a column heading of `party key list`.</summary>
    public required string PublicKeyHeading { get; init; }

    /// <summary>"Added at entry", a column heading: the entry that added a key.</summary>
    public required string KeyAddedAt { get; init; }

    /// <summary>"Revoked at entry", a column heading: the entry that revoked a key.</summary>
    public required string KeyRevokedAt { get; init; }

    /// <summary>"active": in the revoked column, a key not revoked.</summary>
    public required string KeyStillActive { get; init; }

    /// <summary>"Commitments", a column heading.</summary>
    public required string CommitmentsHeading { get; init; }

    /// <summary>"Text", a column heading: a commitment's words.</summary>
    public required string TextHeading { get; init; }

    public required string Statement { get; init; }

    public required string Quotes { get; init; }

    /// <summary>A policy logged at an entry, in a table cell: "entry {entry}".</summary>
    public required string PolicyEntry { get; init; }

    /// <summary>No policy logged, in a table cell: the default applies.</summary>
    public required string PolicyDefault { get; init; }

    /// <summary>What an import does with a value (a column heading).</summary>
    public required string Action { get; init; }

    public required string ImportNew { get; init; }

    public required string ImportNewProvisional { get; init; }

    /// <summary>"corrects entry {entry} (was {value})".</summary>
    public required string ImportCorrects { get; init; }

    /// <summary>"{new} new, {unchanged} unchanged, {corrected} corrected".</summary>
    public required string ImportCounts { get; init; }

    /// <summary>"Dry run for '{indicator}': {counts}. Nothing was written."</summary>
    public required string ImportDryRun { get; init; }

    /// <summary>"Imported into '{indicator}': {counts} ({where})."</summary>
    public required string ImportDone { get; init; }

    public required string ImportNothingAdded { get; init; }

    /// <summary>"entries {first}–{last}, checkpoint {checkpoint}".</summary>
    public required string ImportEntries { get; init; }

    /// <summary>One correction made: {period} {dimensions} {old} {new} {entry}.</summary>
    public required string ImportCorrected { get; init; }

    /// <summary>A file read: {file} {sha256} {bytes}.</summary>
    public required string ImportSource { get; init; }

    /// <summary>A file read and kept as evidence: {file} {sha256} {bytes}.</summary>
    public required string ImportSourceKept { get; init; }

    /// <summary>After the first skipped rows: {n} more.</summary>
    public required string ImportSkippedMore { get; init; }

    /// <summary>The progress bar's label while an import logs its values.</summary>
    public required string ImportProgress { get; init; }

    /// <summary>Said before an import of several batches writes: how it commits, and that running it again finishes it.</summary>
    public required string ImportInBatches { get; init; }

    /// <summary>After a re-run: how many values an earlier run of the same import had already logged.</summary>
    public required string ImportResumed { get; init; }

    /// <summary>"Skipped {n} row(s) the publisher gave no value for (a gap, not a zero):".</summary>
    public required Plural ImportSkipped { get; init; }

    /// <summary>A running total below the previous month's: <c>{from}</c>, <c>{fromDate}</c>, <c>{to}</c>, <c>{toDate}</c>.</summary>
    public required string SkipCumulativeFell { get; init; }

    /// <summary>The first figure of a running total.</summary>
    public required string SkipCumulativeFirst { get; init; }

    /// <summary>A running total with no figure for the month before: <c>{previous}</c> (the last month with one).</summary>
    public required string SkipCumulativeGap { get; init; }

    /// <summary>An importer's reason for a skipped row, in this language.</summary>
    public string SkipReason(Import.SkipCode code) => code switch
    {
        Import.SkipCode.CumulativeFell => SkipCumulativeFell,
        Import.SkipCode.CumulativeFirst => SkipCumulativeFirst,
        Import.SkipCode.CumulativeGap => SkipCumulativeGap,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    // ---- Lookups: the word for a code ----

#pragma warning disable CS8524 // Unnamed enum values are bugs; naming every value keeps CS8509 able to find a missed one.
    public string RatingName(Rating rating) => rating switch
    {
        Evaluation.Rating.NotYetAssessed => RatingNotYetAssessed,
        Evaluation.Rating.Met => RatingMet,
        Evaluation.Rating.OnTrack => RatingOnTrack,
        Evaluation.Rating.Incremental => RatingIncremental,
        Evaluation.Rating.Stalled => RatingStalled,
        Evaluation.Rating.Regressed => RatingRegressed,
        Evaluation.Rating.Unverifiable => RatingUnverifiable,
    };

    public string StatusName(VerificationStatus status) => status switch
    {
        VerificationStatus.SelfReported => StatusSelfReported,
        VerificationStatus.Acknowledged => StatusAcknowledged,
        VerificationStatus.Disputed => StatusDisputed,
        VerificationStatus.Verified => StatusVerified,
        VerificationStatus.VerificationFailed => StatusVerificationFailed,
        VerificationStatus.Resolved => StatusResolved,
    };

    /// <summary>A verdict in the words of the status it leads to.</summary>
    public string VerdictName(Verdict verdict) => verdict switch
    {
        Ledger.Verdict.Acknowledged => StatusAcknowledged,
        Ledger.Verdict.Disputed => StatusDisputed,
        Ledger.Verdict.Verified => StatusVerified,
        Ledger.Verdict.VerificationFailed => StatusVerificationFailed,
        Ledger.Verdict.Resolved => StatusResolved,
        Ledger.Verdict.Withdrawn => VerdictWithdrawn,
    };

    /// <summary>A step of a value's history in words.</summary>
    public string ValueEventName(ValueEventKind kind) => kind switch
    {
        ValueEventKind.Reported => EventReported,
        ValueEventKind.Corrected => EventCorrected,
        ValueEventKind.Acknowledged => StatusAcknowledged,
        ValueEventKind.Disputed => StatusDisputed,
        ValueEventKind.Withdrawn => VerdictWithdrawn,
        ValueEventKind.Verified => StatusVerified,
        ValueEventKind.VerificationFailed => StatusVerificationFailed,
        ValueEventKind.ResolutionProposed => EventResolutionProposed,
        ValueEventKind.Resolved => StatusResolved,
    };

    public string PartyRoleName(PartyRole role) => role switch
    {
        PartyRole.Party => RoleParty,
        PartyRole.Verifier => RoleVerifier,
        PartyRole.Operator => RoleOperator,
    };

    public string StatementKindName(StatementKind kind) => kind switch
    {
        StatementKind.JointStatement => KindJointStatement,
        StatementKind.PressRelease => KindPressRelease,
        StatementKind.Post => KindPost,
        StatementKind.Speech => KindSpeech,
        StatementKind.Testimony => KindTestimony,
        StatementKind.Other => KindOther,
    };
#pragma warning restore CS8524

    /// <summary>A policy's status name ("self-reported") in words; a name this version does not know is shown as logged.</summary>
    public string PolicyStatusName(string name) => name switch
    {
        "self-reported" => StatusSelfReported,
        "acknowledged" => StatusAcknowledged,
        "disputed" => StatusDisputed,
        "verified" => StatusVerified,
        "verification-failed" => StatusVerificationFailed,
        "resolved" => StatusResolved,
        _ => name,
    };

    /// <summary>A policy's rollup ("worst", "all-met") in words; a rule this version does not know is shown as logged.</summary>
    public string RollupName(string rollup) => rollup switch
    {
        RatingRollup.Worst => RollupWorst,
        RatingRollup.AllMet => RollupAllMet,
        _ => rollup,
    };

    /// <summary>"monthly values" / "valores mensuales" for the period type (monthly when unknown).</summary>
    public string PeriodValues(PeriodType? type) => type switch
    {
        PeriodType.Quarter => QuarterlyValues,
        PeriodType.Year => AnnualValues,
        _ => MonthlyValues,
    };

    /// <summary>"3 months" / "3 meses" for the period type (months when unknown).</summary>
    public string PeriodCount(PeriodType? type, int count) => (type switch
    {
        PeriodType.Quarter => QuarterCount,
        PeriodType.Year => YearCount,
        _ => MonthCount,
    }).Of(count);

    /// <summary>"3 more months" / "3 meses más" for the period type (months when unknown).</summary>
    public string MorePeriods(PeriodType? type, int count) => (type switch
    {
        PeriodType.Quarter => MoreQuarters,
        PeriodType.Year => MoreYears,
        _ => MoreMonths,
    }).Of(count);

    /// <summary>"month" / "mes" for the period type (month when unknown).</summary>
    public string PeriodSingular(PeriodType? type) => type switch
    {
        PeriodType.Quarter => QuarterSingular,
        PeriodType.Year => YearSingular,
        _ => MonthSingular,
    };

    /// <summary>"months" / "meses" for the period type (months when unknown).</summary>
    public string Periods(PeriodType? type) => type switch
    {
        PeriodType.Quarter => Quarters,
        PeriodType.Year => Years,
        _ => Months,
    };

    /// <summary>The month's name, 1 (January) to 12.</summary>
    public string MonthName(int month) => MonthNames[month - 1];
}
