namespace OutcomeLedger.Core.Ledger;

/// <summary>
/// The form a person fills to write a record of a kind (the dashboard's submit page): its fields, in order, and how the
/// filled values become the record. The record's author is the signed-in party; the ledger's rules check the rest.
/// </summary>
public sealed record RecordForm(IReadOnlyList<FormField> Fields, Func<IFormValues, PartyId, DateTimeOffset, LedgerRecord> Build);

/// <summary>One field of a <see cref="RecordForm"/>: its name (also its label's key in the text catalogue), its type and whether it must be filled.</summary>
public sealed record FormField(string Name, FormFieldType Type, bool Required = false, Type? Choices = null);

/// <summary>What a form field holds, which decides how it is entered and read.</summary>
public enum FormFieldType
{
    Text,
    LongText,
    Id,
    Date,
    Url,
    Decimal,
    EntryIndex,
    Period,
    Dimensions,
    LanguageTag,
    Checkbox,

    /// <summary>One of an enum's values (<see cref="FormField.Choices"/>).</summary>
    Choice,

    /// <summary>One of the indicators the signed-in party reports.</summary>
    ReportedIndicator,
}

/// <summary>The values of a filled form, read by field name; every problem is collected (naming its field), not thrown.</summary>
public interface IFormValues
{
    string? Optional(string name);

    string Required(string name);

    decimal? Decimal(string name, bool required);

    ulong? Index(string name, bool required);

    DateOnly Date(string name);

    Period Period(string name);

    T Choice<T>(string name)
        where T : struct, Enum;

    bool Checked(string name);

    IReadOnlyDictionary<string, string> Dimensions(string name);
}
