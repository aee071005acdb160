using System.Globalization;
using Microsoft.AspNetCore.Components;
using OutcomeLedger.Core.Ledger;
using OutcomeLedger.Core.Text;

namespace OutcomeLedger.Api.Features.Dashboard;

/// <summary>One field of a record kind's form (<see cref="RecordForm"/>), entered as its type says.</summary>
public sealed partial class SubmitField
{
    /// <summary>The form's kind name: ids are <c>{form}-{field}</c>.</summary>
    [Parameter, EditorRequired]
    public string Form { get; set; } = "";

    [Parameter, EditorRequired]
    public FormField Field { get; set; } = null!;

    /// <summary>The value posted with a form that was refused, shown again; null on a fresh form.</summary>
    [Parameter]
    public string? Value { get; set; }

    [Parameter, EditorRequired]
    public TextCatalogue Text { get; set; } = null!;

    /// <summary>The indicators the signed-in party reports.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<SubmitPage.ReportedIndicator> Indicators { get; set; } = [];

    /// <summary>The measurement to attest (?measurement=), filled into the attestation form.</summary>
    [Parameter]
    public ulong? Measurement { get; set; }

    string Id => Form + "-" + Field.Name;

    string Label => Text.FieldLabel(Field.Name);

    string? Hint => Text.FieldHint(Field.Name);

    string? HintId => Hint is null ? null : Id + "-hint";

    bool Checked => Value is "on";

    /// <summary>The value, or what the field starts with: the measurement asked for, the page's language.</summary>
    string? DefaultedValue => Value
        ?? (Field.Type == FormFieldType.EntryIndex && Field.Name == "measurement" ? Measurement?.ToString(CultureInfo.InvariantCulture) : null)
        ?? (Field.Type == FormFieldType.LanguageTag ? Text.Code : null);

    (string Type, Dictionary<string, object> Extra) InputType() => Field.Type switch
    {
        FormFieldType.Id => ("text", new() { ["pattern"] = "[a-z0-9][a-z0-9.\\-]*" }),
        FormFieldType.Date => ("date", []),
        FormFieldType.Url => ("url", []),
        FormFieldType.Decimal => ("text", new() { ["inputmode"] = "decimal" }),
        FormFieldType.EntryIndex => ("number", new() { ["min"] = "0" }),
        FormFieldType.LanguageTag => ("text", new() { ["maxlength"] = "35" }),
        _ => ("text", []),
    };
}
