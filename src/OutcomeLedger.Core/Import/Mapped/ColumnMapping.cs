using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace OutcomeLedger.Core.Import.Mapped;

/// <summary>
/// Which CSV columns hold an indicator's period, value, optional note and dimensions, written
/// <c>period=Month,value=Total,region=Region</c>. Targets are lower-case names (<c>[a-z][a-z0-9_]*</c>);
/// <c>period</c> and <c>value</c> are required, <c>note</c> is optional, every other target is a dimension.
/// A column name may be double-quoted to hold commas, equals signs or outer spaces (<c>value="Sum, lbs"</c>),
/// with <c>""</c> for a quote; unquoted names are trimmed.
/// </summary>
public sealed class ColumnMapping
{
    public const string PeriodTarget = "period";
    public const string ValueTarget = "value";
    public const string NoteTarget = "note";
    public const int MaxLength = 4096;

    public ColumnMapping(string periodColumn, string valueColumn, IReadOnlyDictionary<string, string>? dimensionColumns = null, string? noteColumn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(periodColumn);
        ArgumentException.ThrowIfNullOrEmpty(valueColumn);
        var dimensions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dimension, column) in dimensionColumns ?? new Dictionary<string, string>())
        {
            if (!IsTargetName(dimension) || dimension is PeriodTarget or ValueTarget or NoteTarget)
            {
                throw new ArgumentException($"'{dimension}' is not a dimension name", nameof(dimensionColumns));
            }

            ArgumentException.ThrowIfNullOrEmpty(column);
            dimensions.Add(dimension, column);
        }

        if (noteColumn is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(noteColumn);
        }

        PeriodColumn = periodColumn;
        ValueColumn = valueColumn;
        NoteColumn = noteColumn;
        DimensionColumns = dimensions;
        if (Columns.Distinct(StringComparer.Ordinal).Count() != Columns.Count)
        {
            throw new ArgumentException("a column is mapped to two targets");
        }
    }

    public string PeriodColumn { get; }

    public string ValueColumn { get; }

    public string? NoteColumn { get; }

    /// <summary>Dimension name to column, ordered by dimension name.</summary>
    public IReadOnlyDictionary<string, string> DimensionColumns { get; }

    /// <summary>Every mapped column.</summary>
    public IReadOnlyList<string> Columns =>
        [PeriodColumn, ValueColumn, .. NoteColumn is null ? Array.Empty<string>() : [NoteColumn], .. DimensionColumns.Values];

    /// <summary>Parses the mapping text; on failure <paramref name="error"/> says what is wrong and at which character (1-based).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ColumnMapping? mapping, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        mapping = null;
        if (text.Length > MaxLength)
        {
            error = $"the mapping is longer than {MaxLength} characters";
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the mapping is empty; expected e.g. period=Month,value=Total";
            return false;
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        for (var pair = 1; ; pair++)
        {
            if (!TryParsePair(text, ref position, pair, out var target, out var column, out error))
            {
                return false;
            }

            if (!targets.TryAdd(target, column))
            {
                error = $"pair {pair}: the target '{target}' is mapped twice";
                return false;
            }

            if (!columns.TryAdd(column, target))
            {
                error = $"pair {pair}: the column '{column}' is already mapped to '{columns[column]}'";
                return false;
            }

            if (position == text.Length)
            {
                break;
            }

            position++; // the comma
            if (text.AsSpan(position).Trim().IsEmpty)
            {
                error = $"character {position}: a comma with no pair after it";
                return false;
            }
        }

        foreach (var required in new[] { PeriodTarget, ValueTarget })
        {
            if (!targets.ContainsKey(required))
            {
                error = $"the mapping has no '{required}=' pair; '{PeriodTarget}' and '{ValueTarget}' are required";
                return false;
            }
        }

        var dimensions = targets.Where(t => t.Key is not (PeriodTarget or ValueTarget or NoteTarget)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        mapping = new ColumnMapping(targets[PeriodTarget], targets[ValueTarget], dimensions, targets.GetValueOrDefault(NoteTarget));
        error = "";
        return true;
    }

    // Reads "target=column" from position up to the next top-level comma or the end.
    static bool TryParsePair(string text, ref int position, int pair, out string target, out string column, out string error)
    {
        target = column = "";
        var start = position;
        while (position < text.Length && text[position] is not ('=' or ','))
        {
            position++;
        }

        target = text[start..position].Trim();
        if (position == text.Length || text[position] == ',')
        {
            error = target.Length == 0
                ? $"character {start + 1}: pair {pair} is empty"
                : $"character {start + 1}: pair {pair} ('{target}') has no '='; expected target=Column";
            return false;
        }

        if (!IsTargetName(target))
        {
            error = $"character {start + 1}: '{target}' is not a target name (lower-case letter, then lower-case letters, digits or underscores)";
            return false;
        }

        position++; // the '='
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        if (position < text.Length && text[position] == '"')
        {
            var quoteAt = position;
            var name = new StringBuilder();
            position++;
            while (true)
            {
                if (position == text.Length)
                {
                    error = $"character {quoteAt + 1}: the quoted column name is not closed";
                    return false;
                }

                if (text[position] == '"')
                {
                    if (position + 1 < text.Length && text[position + 1] == '"')
                    {
                        name.Append('"');
                        position += 2;
                        continue;
                    }

                    position++;
                    break;
                }

                name.Append(text[position++]);
            }

            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            if (position < text.Length && text[position] != ',')
            {
                error = $"character {position + 1}: unexpected '{text[position]}' after the quoted column name";
                return false;
            }

            column = name.ToString();
        }
        else
        {
            var columnStart = position;
            while (position < text.Length && text[position] != ',')
            {
                if (text[position] is '"' or '=')
                {
                    error = $"character {position + 1}: '{text[position]}' in an unquoted column name; quote the whole name";
                    return false;
                }

                position++;
            }

            column = text[columnStart..position].Trim();
        }

        if (column.Length == 0)
        {
            error = $"character {start + 1}: pair {pair} ('{target}=') names no column";
            return false;
        }

        error = "";
        return true;
    }

    static bool IsTargetName(string name) =>
        name.Length is > 0 and <= 64 && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>The canonical text of this mapping, which <see cref="TryParse"/> reads back to an equal mapping.</summary>
    public override string ToString()
    {
        var pairs = new List<string> { Pair(PeriodTarget, PeriodColumn), Pair(ValueTarget, ValueColumn) };
        if (NoteColumn is not null)
        {
            pairs.Add(Pair(NoteTarget, NoteColumn));
        }

        pairs.AddRange(DimensionColumns.Select(d => Pair(d.Key, d.Value)));
        return string.Join(',', pairs);

        static string Pair(string target, string column) =>
            column.AsSpan().IndexOfAny("\",=") >= 0 || column.Trim() != column
                ? string.Create(CultureInfo.InvariantCulture, $"{target}=\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")
                : $"{target}={column}";
    }
}
