namespace OutcomeLedger.Core.Ledger;

/// <summary>Why a number cannot be stored exactly (<see cref="MeasurementNumber"/>).</summary>
public enum NumberProblemCode
{
    /// <summary>Not digits with an optional sign, decimal point and exponent.</summary>
    NotANumber,

    /// <summary>A control character (NUL, a tab, a line break…) inside the number.</summary>
    ControlCharacter,

    /// <summary>More decimal places than are stored exactly: it would be rounded (1e-30 to 0).</summary>
    TooManyDecimalPlaces,

    /// <summary>More significant digits than are stored exactly: it would be rounded.</summary>
    TooManyDigits,
}
