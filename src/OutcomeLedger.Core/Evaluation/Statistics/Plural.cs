using System.Globalization;

namespace OutcomeLedger.Core.Evaluation.Statistics;

/// <summary>Counts in plain-language reasons: "1 value", "7 monthly values".</summary>
internal static class Plural
{
    public static string Of(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    /// <summary>"at least 1 is needed", "at least 12 are needed".</summary>
    public static string Needed(int minimum) =>
        "at least " + minimum.ToString(CultureInfo.InvariantCulture) + (minimum == 1 ? " is needed" : " are needed");
}
