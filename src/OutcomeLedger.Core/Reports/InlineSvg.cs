using System.Xml.Linq;

namespace OutcomeLedger.Core.Reports;

/// <summary>
/// An SVG written for a page with a stylesheet (the charts of <see cref="Scorecards.ScorecardChart"/>, styled by its
/// <see cref="Scorecards.ScorecardChart.Css"/>) made self-contained: each element gets the stylesheet's declarations that
/// match it as presentation attributes, in the cascade's order (specificity, then source order), because a PDF's SVG
/// reader ignores stylesheets. The layout and the styles keep one source each: this only moves the styles inline.
/// Selectors it understands are those the chart styles use: descendant chains of <c>tag.class.class</c>; a rule with
/// any other selector is left out.
/// </summary>
public static class InlineSvg
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // The properties an SVG reader takes as attributes; the rest (width, margin, display…) are for HTML layout.
    static readonly HashSet<string> Presentation = new(StringComparer.Ordinal)
    {
        "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity",
        "fill-opacity", "stroke-opacity", "font-size", "font-weight", "font-style", "text-anchor",
    };

    /// <summary>
    /// <paramref name="svg"/> (one <c>svg</c> element) with <paramref name="css"/>'s matching declarations as attributes,
    /// classes and titles removed, in the SVG namespace, with <paramref name="fontFamily"/> on its root.
    /// </summary>
    public static string Apply(string svg, string css, string fontFamily)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(css);
        var root = XElement.Parse(svg, LoadOptions.None);
        var rules = Parse(css);
        var elements = root.DescendantsAndSelf().ToList();
        foreach (var element in elements)
        {
            foreach (var rule in rules.Where(r => r.Selector.Matches(element)).OrderBy(r => r.Selector.Specificity).ThenBy(r => r.Order))
            {
                foreach (var (property, value) in rule.Declarations)
                {
                    element.SetAttributeValue(property, value);
                }
            }
        }

        foreach (var element in elements)
        {
            element.Attribute("class")?.Remove();
            element.Attribute("role")?.Remove();
            element.Attribute("aria-label")?.Remove();
            element.Attribute("aria-hidden")?.Remove();
            element.Name = Svg + element.Name.LocalName;
        }

        foreach (var title in root.Descendants(Svg + "title").ToList())
        {
            title.Remove();
        }

        root.SetAttributeValue("font-family", fontFamily);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    static List<Rule> Parse(string css)
    {
        var rules = new List<Rule>();
        foreach (var block in css.Split('}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var open = block.IndexOf('{', StringComparison.Ordinal);
            if (open < 0)
            {
                continue;
            }

            var declarations = new List<(string, string)>();
            foreach (var declaration in block[(open + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = declaration.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && declaration[..colon].Trim() is var property && Presentation.Contains(property))
                {
                    var value = declaration[(colon + 1)..].Trim();
                    // SVG attributes take user units, as a stylesheet's px are in an SVG.
                    declarations.Add((property, value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value));
                }
            }

            foreach (var text in block[..open].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Selector.TryParse(text) is { } selector && declarations.Count > 0)
                {
                    rules.Add(new Rule(selector, rules.Count, declarations));
                }
            }
        }

        return rules;
    }

    sealed record Rule(Selector Selector, int Order, IReadOnlyList<(string Property, string Value)> Declarations);

    /// <summary>A descendant chain of compound selectors (<c>svg .target.illustrative path</c>).</summary>
    sealed record Selector(IReadOnlyList<(string? Tag, string[] Classes)> Parts)
    {
        public int Specificity => Parts.Sum(p => (p.Classes.Length * 10) + (p.Tag is null ? 0 : 1));

        public static Selector? TryParse(string text)
        {
            var parts = new List<(string?, string[])>();
            foreach (var compound in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (compound.IndexOfAny([':', '>', '+', '~', '[', '#', '*', '@']) >= 0)
                {
                    return null;
                }

                var pieces = compound.Split('.');
                parts.Add((pieces[0].Length == 0 ? null : pieces[0], pieces[1..]));
            }

            return parts.Count == 0 ? null : new Selector(parts);
        }

        public bool Matches(XElement element)
        {
            if (!Is(element, Parts[^1]))
            {
                return false;
            }

            // Descendant combinators: each earlier part matches some ancestor, in order, nearest first.
            var ancestor = element.Parent;
            for (var i = Parts.Count - 2; i >= 0; i--)
            {
                while (ancestor is not null && !Is(ancestor, Parts[i]))
                {
                    ancestor = ancestor.Parent;
                }

                if (ancestor is null)
                {
                    return false;
                }

                ancestor = ancestor.Parent;
            }

            return true;
        }

        static bool Is(XElement element, (string? Tag, string[] Classes) part)
        {
            if (part.Tag is not null && element.Name.LocalName != part.Tag)
            {
                return false;
            }

            if (part.Classes.Length == 0)
            {
                return true;
            }

            var classes = (element.Attribute("class")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return part.Classes.All(c => classes.Contains(c, StringComparer.Ordinal));
        }
    }
}
