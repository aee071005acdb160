using System.Globalization;
using System.Text;

namespace OutcomeLedger.Core.Transparency.Tiles;

/// <summary>
/// A tile of a C2SP tlog-tiles log: a hash tile at <see cref="Level"/> (holding tree level 8·L hashes), or an entry
/// bundle; <see cref="Index"/> counts tiles from the left; <see cref="Width"/> is 256 for a full tile, 1..255 for a
/// partial one.
/// </summary>
// c2sp.org/tlog-tiles
public readonly record struct TileId(int Level, ulong Index, int Width, bool IsEntries = false)
{
    public const int Height = 8;
    public const int FullWidth = 1 << Height;
    public const int MaxLevel = 63;

    public bool IsPartial => Width < FullWidth;

    public static TileId Hash(int level, ulong index, int width = FullWidth) => new(level, index, width);

    public static TileId Entries(ulong index, int width = FullWidth) => new(0, index, width, IsEntries: true);

    /// <summary>The path below the log prefix: <c>tile/0/x001/x234/067</c>, <c>tile/entries/000.p/5</c>.</summary>
    public string Path
    {
        get
        {
            var path = new StringBuilder("tile/");
            path.Append(IsEntries ? "entries" : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
            AppendIndex(path, Index);
            if (IsPartial)
            {
                path.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
            }

            return path.ToString();
        }
    }

    public override string ToString() => Path;

    // N as 3-digit groups, each but the last prefixed with x: 1234067 → x001/x234/067.
    static void AppendIndex(StringBuilder path, ulong index)
    {
        var groups = new List<string>();
        do
        {
            groups.Add((index % 1000).ToString("D3", CultureInfo.InvariantCulture));
            index /= 1000;
        }
        while (index > 0);

        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (i > 0)
            {
                path.Append('x');
            }

            path.Append(groups[i]);
            if (i > 0)
            {
                path.Append('/');
            }
        }
    }

    /// <summary>Parses a tile path (below the prefix), refusing every non-canonical form.</summary>
    public static bool TryParse(string path, out TileId tile, out string error)
    {
        tile = default;
        error = "";
        if (string.IsNullOrEmpty(path) || path.Length > 200)
        {
            error = "not a tile path";
            return false;
        }

        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != "tile")
        {
            error = $"'{path}' does not start with tile/<level>/";
            return false;
        }

        var isEntries = parts[1] == "entries";
        var level = 0;
        if (!isEntries && !TryParseSmall(parts[1], MaxLevel, out level))
        {
            error = $"'{parts[1]}' is not a tile level (0 to {MaxLevel}, no leading zeros)";
            return false;
        }

        var width = FullWidth;
        var last = parts.Length - 1;
        if (parts.Length >= 4 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseSmall(parts[^1], FullWidth - 1, out width) || width == 0)
            {
                error = $"'{parts[^1]}' is not a partial tile width (1 to 255)";
                return false;
            }

            parts[^2] = parts[^2][..^2];
            last = parts.Length - 2;
        }

        ulong index = 0;
        for (var i = 2; i < last; i++)
        {
            var group = parts[i];
            if (group.Length != 4 || group[0] != 'x' || !AllDigits(group.AsSpan(1)))
            {
                error = $"'{group}' is not an index group (xNNN)";
                return false;
            }

            if (!TryAccumulate(ref index, group.AsSpan(1)))
            {
                error = "tile index overflows 64 bits";
                return false;
            }
        }

        var final = parts[last];
        if (final.Length != 3 || !AllDigits(final) || !TryAccumulate(ref index, final))
        {
            error = $"'{final}' is not a final index group (NNN)";
            return false;
        }

        tile = new TileId(level, index, width, isEntries);
        if (tile.Path != path)
        {
            // Leading zero groups (x000/001) and the like name the same tile in a second way: refuse them.
            error = $"'{path}' is not in canonical form ({tile.Path})";
            tile = default;
            return false;
        }

        return true;
    }

    static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    static bool TryAccumulate(ref ulong index, ReadOnlySpan<char> group)
    {
        var value = ulong.Parse(group, NumberStyles.None, CultureInfo.InvariantCulture);
        if (index > (ulong.MaxValue - value) / 1000)
        {
            return false;
        }

        index = (index * 1000) + value;
        return true;
    }

    static bool TryParseSmall(string text, int max, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 3 || !AllDigits(text) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= max;
    }
}
