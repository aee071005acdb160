using System.Globalization;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>
/// Reads a posted form into record fields, bounded, collecting a message per bad field (in the page's language, naming
/// the field by its label) instead of stopping at the first.
/// </summary>
internal sealed class SubmissionForm(IFormCollection form, TextCatalogue text) : IFormValues
{
    const int MaxField = 4000;

    public List<string> Errors { get; } = [];

    public string? Optional(string name)
    {
        var value = form[name].ToString().Trim();
        if (value.Length > MaxField)
        {
            Errors.Add(TextCatalogue.Fill(text.FieldTooLong, ("field", Label(name)), ("max", MaxField.ToString(CultureInfo.InvariantCulture))));
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    public string Required(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            Errors.Add(TextCatalogue.Fill(text.FieldRequired, ("field", Label(name))));
        }

        return value ?? "";
    }

    /// <summary>A decimal written with a point (or, failing that, a decimal comma and no grouping).</summary>
    public decimal? Decimal(string name, bool required)
    {
        var value = required ? Required(name) : Optional(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // The one exact parser; a decimal comma is read as a point when the value has no point.
        if (MeasurementNumber.TryParse(value, out var number, out var problem)
            || (problem.Code == NumberProblemCode.NotANumber && !value.Contains('.', StringComparison.Ordinal) && MeasurementNumber.TryParse(value.Replace(',', '.'), out number, out problem)))
        {
            return number;
        }

        var field = ("field", Label(name));
        Errors.Add(problem.Code switch
        {
            NumberProblemCode.ControlCharacter => TextCatalogue.Fill(text.FieldNumberControl, field, ("character", problem.CharacterName), ("position", problem.Position.ToString(CultureInfo.InvariantCulture))),
            NumberProblemCode.TooManyDecimalPlaces => TextCatalogue.Fill(text.FieldNumberPlaces, field, ("count", problem.Count.ToString(CultureInfo.InvariantCulture)), ("max", MeasurementNumber.MaxDecimalPlaces.ToString(CultureInfo.InvariantCulture))),
            NumberProblemCode.TooManyDigits => TextCatalogue.Fill(text.FieldNumberDigits, field, ("count", problem.Count.ToString(CultureInfo.InvariantCulture)), ("max", MeasurementNumber.MaxDigits.ToString(CultureInfo.InvariantCulture))),
            _ => TextCatalogue.Fill(text.FieldNotNumber, field),
        });
        return null;
    }

    public ulong? Index(string name, bool required)
    {
        var value = required ? Required(name) : Optional(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        Errors.Add(TextCatalogue.Fill(text.FieldNotNumber, ("field", Label(name))));
        return null;
    }

    public DateOnly Date(string name)
    {
        var value = Required(name);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (value.Length > 0)
        {
            Errors.Add(TextCatalogue.Fill(text.FieldNotDate, ("field", Label(name))));
        }

        return default;
    }

    public Period Period(string name)
    {
        var value = Required(name);
        if (Core.Ledger.Period.TryParse(value, out var period))
        {
            return period;
        }

        if (value.Length > 0)
        {
            Errors.Add(TextCatalogue.Fill(text.FieldNotPeriod, ("field", Label(name))));
        }

        return default;
    }

    public T Choice<T>(string name)
        where T : struct, Enum
    {
        var value = Required(name);
        if (Enum.TryParse<T>(value, ignoreCase: false, out var choice) && Enum.IsDefined(choice))
        {
            return choice;
        }

        if (value.Length > 0)
        {
            Errors.Add(TextCatalogue.Fill(text.FieldRequired, ("field", Label(name))));
        }

        return default;
    }

    /// <summary>The label a field has on the submit page, in the page's language.</summary>
    string Label(string name) => text.FieldLabel(name);

    public bool Checked(string name) => form[name].ToString() is "on" or "true";

    /// <summary>Dimensions written as <c>key=value; key=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Dimensions(string name)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (Optional(name) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !dimensions.TryAdd(pair[..equals].Trim(), pair[(equals + 1)..].Trim()))
            {
                Errors.Add(TextCatalogue.Fill(text.FieldDimensions, ("field", Label(name))));
                break;
            }
        }

        return dimensions;
    }
}
