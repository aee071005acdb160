using System.Globalization;
using OutcomeLedger.Core.Storage;
using OutcomeLedger.Core.Transparency.Hashing;

namespace OutcomeLedger.Core.Ledger;

/// <summary><c>statement</c>: what someone said, with its source and short verbatim quotes. Any registered party may record one.</summary>
public sealed class StatementRecordKind : RecordKind<StatementRecord>
{
    internal StatementRecordKind()
    {
    }

    public override string Name => "statement";

    public override string Collection => "statements";

    public override Writers Writers => Writers.Anyone;

    /// <summary>Every statement, listed by the date it was made.</summary>
    public static ProjectionTable Table { get; } = new("statements", [ProjectionColumn.Text("id"), ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("date")], ["date"]);

    /// <summary>Which parties each statement is of (a joint statement has several), to list a party's statements.</summary>
    public static ProjectionTable PartiesTable { get; } = new("statement_parties",
        [ProjectionColumn.Text("statement_party"), ProjectionColumn.Integer("log_index"), ProjectionColumn.Text("party")],
        ["party", "log_index"]);

    public override IReadOnlyList<ProjectionTable> Tables { get; } = [Table, PartiesTable];

    /// <summary>A statement of the signed-in party, with one quote.</summary>
    public override RecordForm Form { get; } = new(
        [
            new("id", FormFieldType.Id, Required: true), new("date", FormFieldType.Date, Required: true), new("title", FormFieldType.Text, Required: true),
            new("speaker", FormFieldType.Text), new("statementKind", FormFieldType.Choice, Required: true, typeof(StatementKind)),
            new("sourceUrl", FormFieldType.Url, Required: true), new("quote", FormFieldType.LongText), new("quoteLang", FormFieldType.LanguageTag),
        ],
        (form, party, now) => new StatementRecord
        {
            Author = party,
            RecordedAt = now,
            Id = new StatementId(form.Required("id")),
            Date = form.Date("date"),
            Title = form.Required("title"),
            Speaker = form.Optional("speaker"),
            Parties = [party],
            StatementKind = form.Choice<StatementKind>("statementKind"),
            SourceUrl = form.Required("sourceUrl"),
            Quotes = form.Optional("quote") is { } quote ? [new Quote(quote, form.Optional("quoteLang") ?? "en")] : [],
        });

    internal override void Check(StatementRecord statement, RuleContext rules)
    {
        rules.Slug("id", statement.Id.Value);
        if (rules.State.FindStatement(statement.Id) is not null)
        {
            rules.Fail("id", $"statement '{statement.Id}' already exists");
        }

        rules.Text("title", statement.Title, RuleContext.MaxShortText);
        rules.OptionalText("speaker", statement.Speaker, RuleContext.MaxShortText);
        rules.Items("parties", statement.Parties);
        rules.RequireParties("parties", statement.Parties);
        rules.Url("sourceUrl", statement.SourceUrl);
        if (statement.SourceSha256 is not null)
        {
            rules.Sha256("sourceSha256", statement.SourceSha256);
        }

        if (statement.Quotes.Count > 20)
        {
            rules.Fail("quotes", "at most 20 quotes; quote briefly and link the source");
        }

        for (var i = 0; i < statement.Quotes.Count; i++)
        {
            rules.Text($"quotes[{i}].text", statement.Quotes[i].Text, RuleContext.MaxText);
            if (!RuleContext.IsLanguageTag(statement.Quotes[i].Lang))
            {
                rules.Fail($"quotes[{i}].lang", $"'{statement.Quotes[i].Lang}' is not a language tag such as en or es-MX");
            }
        }
    }

    internal override void Apply(StatementRecord statement, ulong index, Hash leafHash, LedgerState state) => state.AddStatement(new(statement, index, leafHash));

    internal override IEnumerable<ProjectionRow> Project(StatementRecord statement, ulong index, LedgerState state)
    {
        yield return Table.Row(statement.Id.Value, (long)index, statement.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var party in statement.Parties.Distinct())
        {
            yield return PartiesTable.Row($"{statement.Id.Value}|{party.Value}", (long)index, party.Value);
        }
    }

    internal override void Needs(StatementRecord statement, StateNeeds needs) => needs.Statement(statement.Id);

    internal override IEnumerable<(ulong Index, Hash LeafHash)> Candidates(StatementRecord statement, LedgerState state) =>
        EntryOf(state.FindStatement(statement.Id));
}
