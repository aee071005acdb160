using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Cli;

/// <summary>Options that parse domain values strictly (kebab-case enums, ISO dates, decimals, periods) with a message naming the option.</summary>
internal static class ValueOptions
{
    /// <summary>The kebab-case name records use for an enum value (<c>joint-statement</c>, <c>verification-failed</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static Option<T> Enum<T>(string name, string description, bool required = true)
        where T : struct, Enum
    {
        var names = System.Enum.GetValues<T>().Select(Name).ToArray();
        return new Option<T>(name)
        {
            Description = description,
            Required = required,
            HelpName = string.Join('|', names),
            CustomParser = result => ParseEnum<T>(name, result) ?? default,
        };
    }

    public static Option<T?> OptionalEnum<T>(string name, string description)
        where T : struct, Enum
    {
        var names = System.Enum.GetValues<T>().Select(Name).ToArray();
        return new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            CustomParser = result => ParseEnum<T>(name, result),
        };
    }

    static T? ParseEnum<T>(string name, ArgumentResult result)
        where T : struct, Enum
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (Name(value).Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"{name}: '{token}' is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(Name))}");
        return null;
    }

    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        HelpName = "yyyy-mm-dd",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name}: '{token}' is not a date written yyyy-mm-dd");
            return null;
        },
    };

    public static Option<decimal?> Decimal(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        HelpName = "number",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (MeasurementNumber.TryParse(token, out var value, out var problem))
            {
                return value;
            }

            result.AddError($"{name}: {problem}");
            return null;
        },
    };

    public static Option<Period?> Period(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        HelpName = "period",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Core.Ledger.Period.TryParse(token, out var period))
            {
                return period;
            }

            result.AddError($"{name}: '{token}' is not a period (YYYY-MM, YYYY-Qn or YYYY)");
            return null;
        },
    };

    /// <summary>Values given as repeated options, each possibly a comma-separated list: <c>--party us --party mx</c> or <c>--party us,mx</c>.</summary>
    public static List<string> List(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Parses repeated <c>name=value</c> pairs (dimensions of a measurement); a malformed or repeated name is a usage error.</summary>
    public static SortedDictionary<string, string> Pairs(string option, IEnumerable<string>? values)
    {
        var pairs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in values ?? [])
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == text.Length - 1)
            {
                throw CliError.Usage($"{option}: '{text}' is not name=value");
            }

            if (!pairs.TryAdd(text[..equals].Trim(), text[(equals + 1)..].Trim()))
            {
                throw CliError.Usage($"{option}: '{text[..equals]}' is given twice");
            }
        }

        return pairs;
    }

    public static string Format(decimal value) => Core.Ledger.RecordJson.FormatDecimal(value);

    public static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
