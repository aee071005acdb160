using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OutcomeLedger.Core.Scorecards;

namespace OutcomeLedger.Core.Tests.Scorecards;

/// <summary>
/// The JSON Schema generated from the scorecard types is checked in (docs/scorecard.schema.json) and must match them:
/// a change to the scorecard's shape fails here until the schema file, and docs/scorecard-schema.md, are updated.
/// </summary>
public class ScorecardSchemaTests
{
    /// <summary>On a mismatch, the generated schema is written beside the file as scorecard.schema.received.json; review it and copy it over.</summary>
    [Fact]
    public void Schema_Generated_MatchesTheCheckedInFile()
    {
        var docs = Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", "..", "docs"));
        var file = Path.Combine(docs, "scorecard.schema.json");
        var received = Path.Combine(docs, "scorecard.schema.received.json");
        var generated = ScorecardJson.Schema();
        var expected = File.Exists(file) ? File.ReadAllText(file) : "";
        if (expected != generated)
        {
            File.WriteAllText(received, generated);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(expected == generated, $"the scorecard's shape changed; review {received} and copy it to {file}");
    }

    [Fact]
    public void Schema_DocumentsBothAxes()
    {
        var schema = JsonNode.Parse(ScorecardJson.Schema())!;
        var commitments = schema["properties"]!["commitments"]!["items"]!;
        var commitment = commitments["properties"]!;
        var series = commitment["indicators"]!["items"]!["properties"]!["series"]!["items"]!["properties"]!;

        Assert.Equal("outcomeledger-scorecard/2", schema["title"]!.GetValue<string>());
        Assert.NotNull(commitment["finding"]);
        Assert.NotNull(commitment["confirmation"]);
        Assert.NotNull(commitment["needs"]);
        Assert.NotNull(series["window"]);
        Assert.NotNull(series["statistics"]!["properties"]!["observedChange"]);
        Assert.Contains("\"rating\"", commitments["required"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"checkpoint\"", schema["required"]!.ToJsonString(), StringComparison.Ordinal);
    }

    static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
