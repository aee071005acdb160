namespace OutcomeLedger.Core.Text;

// Words of verification in practice (issue 13): attestation by period, the review queue, receipts checked offline.
public sealed partial class TextCatalogue
{
    /// <summary>An attestation by period logged: <c>{verdict}</c>, <c>{values}</c> (a count of values), <c>{indicator}</c>, <c>{from}</c>, <c>{to}</c>, <c>{first}</c>, <c>{last}</c>, <c>{checkpoint}</c>.</summary>
    public required string AttestedByPeriod { get; init; }

    /// <summary>"6 values" / "1 value".</summary>
    public required Plural ValuesCount { get; init; }

    /// <summary>Values left alone: <c>{values}</c>, <c>{party}</c>.</summary>
    public required string AttestedAlready { get; init; }

    /// <summary>Nothing logged, every value had the verdict: <c>{indicator}</c>, <c>{from}</c>, <c>{to}</c>, <c>{party}</c>.</summary>
    public required string AttestedNothingNew { get; init; }

    /// <summary>A source check's first line: <c>{party}</c>, <c>{indicator}</c>, <c>{files}</c>, <c>{values}</c> (a count of values), <c>{periods}</c>.</summary>
    public required string SourceCheckHeading { get; init; }

    /// <summary>Values the file confirms: <c>{values}</c>, <c>{verdict}</c>.</summary>
    public required string SourceCheckMatches { get; init; }

    /// <summary>Values the file contradicts: <c>{values}</c>.</summary>
    public required string SourceCheckDiffers { get; init; }

    /// <summary>One contradicted value: <c>{period}</c>, <c>{dimensions}</c>, <c>{logged}</c>, <c>{file}</c>, <c>{where}</c>, <c>{entry}</c>.</summary>
    public required string SourceCheckDifference { get; init; }

    /// <summary>Values checked before: <c>{values}</c>, <c>{party}</c>.</summary>
    public required string SourceCheckAlready { get; init; }

    /// <summary>Logged values the file has no value for: <c>{values}</c>, <c>{periods}</c>.</summary>
    public required string SourceCheckNotInFile { get; init; }

    /// <summary>File values the ledger does not hold: <c>{values}</c>, <c>{periods}</c>.</summary>
    public required string SourceCheckNotLogged { get; init; }

    /// <summary>What was logged: <c>{first}</c>, <c>{last}</c>, <c>{checkpoint}</c>.</summary>
    public required string SourceCheckLogged { get; init; }

    /// <summary>A dry run's last line.</summary>
    public required string SourceCheckDryRun { get; init; }

    /// <summary>Nothing new to attest.</summary>
    public required string SourceCheckNothingNew { get; init; }

    /// <summary>The review queue's first line: <c>{party}</c>, <c>{values}</c> (a count of values), <c>{indicators}</c> (a count of indicators), <c>{checkpoint}</c>.</summary>
    public required string ReviewHeading { get; init; }

    /// <summary>An empty review queue: <c>{party}</c>, <c>{checkpoint}</c>.</summary>
    public required string ReviewEmpty { get; init; }

    /// <summary>"2 indicators" / "1 indicator".</summary>
    public required Plural IndicatorsCount { get; init; }

    /// <summary>A group's heading: <c>{indicator}</c>, <c>{name}</c>, <c>{reporter}</c>, <c>{from}</c>, <c>{to}</c>, <c>{values}</c>.</summary>
    public required string ReviewGroupHeading { get; init; }

    /// <summary>The sources a group's values cite: <c>{sources}</c>.</summary>
    public required string ReviewSources { get; init; }

    /// <summary>Effect: <c>{values}</c>, <c>{party}</c>, <c>{commitment}</c>, <c>{after}</c>.</summary>
    public required string ReviewMakesAssessable { get; init; }

    /// <summary>Effect: <c>{values}</c>, <c>{party}</c>, <c>{commitment}</c>, <c>{before}</c>, <c>{after}</c>.</summary>
    public required string ReviewChangesRating { get; init; }

    /// <summary>Effect: <c>{values}</c>, <c>{party}</c>, <c>{commitment}</c>, <c>{before}</c>.</summary>
    public required string ReviewLeavesRating { get; init; }

    /// <summary>Before the command that acknowledges a group.</summary>
    public required string ReviewToAcknowledge { get; init; }

    /// <summary>A receipt's checkpoint verified: <c>{log}</c> (the key's name), <c>{origin}</c>, <c>{size}</c>, <c>{root}</c>.</summary>
    public required string ReceiptCheckpoint { get; init; }

    /// <summary>The log's time in a verified checkpoint: <c>{time}</c>.</summary>
    public required string ReceiptLogTime { get; init; }

    /// <summary>Trusted witnesses cosigned: <c>{witnesses}</c>.</summary>
    public required string ReceiptCosigned { get; init; }

    /// <summary>No witness key was given: <c>{option}</c> the option that gives one.</summary>
    public required string ReceiptNoWitness { get; init; }

    /// <summary>Signatures by keys not given: <c>{n}</c>.</summary>
    public required Plural ReceiptUnknownSignatures { get; init; }

    /// <summary>The entry proven: <c>{index}</c>, <c>{file}</c>, <c>{hash}</c>.</summary>
    public required string ReceiptEntryProven { get; init; }

    /// <summary>What the proven entry is: <c>{kind}</c>, <c>{author}</c>, <c>{recorded}</c>.</summary>
    public required string ReceiptEntryIs { get; init; }

    /// <summary>No entry given: <c>{index}</c>, <c>{option}</c> the option that gives it.</summary>
    public required string ReceiptNoEntry { get; init; }
}
