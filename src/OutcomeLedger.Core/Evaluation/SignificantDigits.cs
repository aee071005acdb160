using System.Globalization;

namespace OutcomeLedger.Core.Evaluation;

/// <summary>
/// Rounds computed figures to six significant digits before they enter a scorecard, so the last bits of floating
/// point (which may differ between processors and math libraries) never change the canonical JSON bytes.
/// </summary>
public static class SignificantDigits
{
    public const int Digits = 6;

    public static double Round(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a scorecard figure must be finite");
        }

        var rounded = double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? 0 : rounded;
    }

    public static double? Round(double? value) => value is { } v ? Round(v) : null;
}
