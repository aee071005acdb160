namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>The key name rules of c2sp.org/signed-note.</summary>
public static class NoteKeyName
{
    /// <summary>
    /// Non-empty, well-formed Unicode, no Unicode space and no '+' (c2sp.org/signed-note "Format"), as Go's
    /// isValidName. We also refuse control characters below U+0020: a note may not contain them, so such a
    /// name could never appear in a valid note.
    /// </summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            // char.IsWhiteSpace covers the same set as Go's unicode.IsSpace (all of it is in the BMP).
            if (c == '+' || c < 0x20 || char.IsWhiteSpace(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
