using System.Globalization;

namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// How long after a period ends its value is usually published: "P2W" (CBP's monthly seizures, about two weeks),
/// "P4M" (CDC's provisional death counts, about four months). Written in the record as an ISO 8601 duration of one
/// component (days, weeks or months); the CLI also reads the short forms "10d", "2w", "4m".
/// </summary>
public readonly record struct ReleaseLag(int Amount, ReleaseLagUnit Unit)
{
    /// <summary>The lag assumed when an indicator declares none: the longest of the shipped sources (CDC's four months).</summary>
    public static ReleaseLag Default { get; } = new(4, ReleaseLagUnit.Month);

    /// <summary>The longest lag accepted, in each unit: a value published more than three years late is not a release lag.</summary>
    public static int MaxAmount(ReleaseLagUnit unit) => unit switch
    {
        ReleaseLagUnit.Day => 1096,
        ReleaseLagUnit.Week => 156,
        _ => 36,
    };

    /// <summary>Reads "P2W", "P4M", "P10D", or the short forms "2w", "4m", "10d" (case-insensitive).</summary>
    public static bool TryParse(string? text, out ReleaseLag lag)
    {
        lag = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 8)
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        if (s.StartsWith('P'))
        {
            s = s[1..];
        }

        if (s.Length < 2)
        {
            return false;
        }

        ReleaseLagUnit? unit = s[^1] switch { 'D' => ReleaseLagUnit.Day, 'W' => ReleaseLagUnit.Week, 'M' => ReleaseLagUnit.Month, _ => null };
        var digits = s[..^1];
        if (unit is not { } u || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount < 1 || amount > MaxAmount(u))
        {
            return false;
        }

        lag = new ReleaseLag(amount, u);
        return true;
    }

    /// <summary>The ISO 8601 duration, as the record holds it: "P2W".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P{Amount}{Unit switch { ReleaseLagUnit.Day => 'D', ReleaseLagUnit.Week => 'W', _ => 'M' }}");

    /// <summary>The day a value of a period ending on <paramref name="periodEnd"/> is usually published by.</summary>
    public DateOnly After(DateOnly periodEnd) => Unit switch
    {
        ReleaseLagUnit.Day => periodEnd.AddDays(Amount),
        ReleaseLagUnit.Week => periodEnd.AddDays(7 * Amount),
        _ => periodEnd.AddMonths(Amount),
    };
}
