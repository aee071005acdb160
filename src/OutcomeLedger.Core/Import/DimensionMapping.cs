using OutcomeLedger.Core.Ledger;

namespace OutcomeLedger.Core.Import;

/// <summary>
/// Turns a source's dimensions into the indicator's: renames (drug_type → drug), value mappings
/// ("Office of Field Operations" → ofo) and fixed values (drug=fentanyl). Every resulting dimension must be one the
/// indicator declares, with a declared value (matched exactly, else ignoring case); anything else is an error on that row.
/// </summary>
public sealed class DimensionMapping(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> fixedValues)
{
    /// <summary>No renaming, no value mapping, no fixed values.</summary>
    public static DimensionMapping None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    public SortedDictionary<string, string>? Apply(ImportedObservation observation, IndicatorRecord indicator, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(errors);
        var mapped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in observation.Dimensions)
        {
            var target = names.TryGetValue(name, out var renamed) ? renamed : name;
            mapped[target] = values.TryGetValue(value, out var mappedValue) ? mappedValue : value;
            columns[target] = name;
        }

        foreach (var (name, value) in fixedValues)
        {
            mapped[name] = value;
            columns[name] = "--set-dimension";
        }

        var ok = true;
        foreach (var (name, value) in mapped.ToList())
        {
            if (!indicator.Dimensions.TryGetValue(name, out var allowed))
            {
                var declared = indicator.Dimensions.Count == 0 ? "none" : string.Join(", ", indicator.Dimensions.Keys);
                errors.Add(new ImportError(observation.SourceFile, observation.SourceLine, columns[name],
                    $"indicator '{indicator.Id}' has no dimension '{name}' (it declares: {declared}); rename it with --dimension-name {name}=<dimension>"));
                ok = false;
                continue;
            }

            var match = allowed.FirstOrDefault(a => a == value) ?? allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors.Add(new ImportError(observation.SourceFile, observation.SourceLine, columns[name],
                    $"'{value}' is not a declared value of dimension '{name}' ({string.Join(", ", allowed)}); map it with --dimension-value \"{value}=<value>\""));
                ok = false;
            }
            else
            {
                mapped[name] = match;
            }
        }

        return ok ? mapped : null;
    }
}
