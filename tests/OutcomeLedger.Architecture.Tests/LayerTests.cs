using System.Reflection;
using System.Xml.Linq;
using OutcomeLedger.Core.Sessions;

namespace OutcomeLedger.Architecture.Tests;

/// <summary>
/// The layers of docs/architecture.md, checked on the built assemblies: Core reaches no database, web server or native
/// library of its own; the hosts reach storage engines only through the Storage project.
/// </summary>
public class LayerTests
{
    static readonly Assembly Core = typeof(LedgerSession).Assembly;

    // Assembly name prefixes of the storage engines and their drivers.
    static readonly string[] Engines = ["Microsoft.Data.Sqlite", "Npgsql", "SQLitePCLRaw", "System.Data"];

    static readonly string[] Web = ["Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "System.Net.Http", "System.Net.Sockets"];

    [Fact]
    public void Core_references_no_database_web_or_native_interop_assembly()
    {
        var forbidden = Engines.Concat(Web).Append("OutcomeLedger.Hashing.IpsecMb").Append("OutcomeLedger.Storage").Append("OutcomeLedger.Export").Append("DocumentFormat.OpenXml").ToArray();
        var found = References(Core).Where(name => forbidden.Any(f => Matches(name, f))).ToList();
        Assert.True(found.Count == 0, "Core references " + string.Join(", ", found));
    }

    [Fact]
    public void Core_declares_no_native_calls_of_its_own()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var calls = Core.GetTypes()
            .SelectMany(t => t.GetMethods(all).Where(m => m.Attributes.HasFlag(MethodAttributes.PinvokeImpl)).Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        Assert.True(calls.Count == 0, "Core calls native code directly: " + string.Join(", ", calls));
    }

    [Theory]
    [InlineData("OutcomeLedger.Api")]
    [InlineData("OutcomeLedger.Host")]
    [InlineData("OutcomeLedger.Cli")]
    public void A_host_references_no_storage_engine(string project)
    {
        var assembly = Assembly.Load(project == "OutcomeLedger.Cli" ? "outcomes" : project);
        var found = References(assembly).Where(name => Engines.Any(f => Matches(name, f))).ToList();
        Assert.True(found.Count == 0, $"{project} references {string.Join(", ", found)}");

        var packages = XDocument.Load(Path.Combine(Repository.Root, "src", project, project + ".csproj"))
            .Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? "")
            .Where(name => Engines.Any(f => Matches(name, f))).ToList();
        Assert.True(packages.Count == 0, $"{project}.csproj has engine packages: {string.Join(", ", packages)}");
    }

    [Fact]
    public void The_cli_serves_through_the_host_and_never_the_api()
    {
        var cli = References(Assembly.Load("outcomes")).ToList();
        Assert.Contains("OutcomeLedger.Host", cli);
        Assert.DoesNotContain("OutcomeLedger.Api", cli);
    }

    [Fact]
    public void The_checks_see_a_reference_when_there_is_one()
    {
        // The Storage project does use both engines: the name matching above would find them.
        var storage = References(typeof(OutcomeLedger.Storage.LedgerFolder).Assembly);
        Assert.Contains(storage, name => Matches(name, "Npgsql"));
        Assert.Contains(storage, name => Matches(name, "Microsoft.Data.Sqlite"));
    }

    static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

    static bool Matches(string name, string prefix) =>
        name.Equals(prefix, StringComparison.Ordinal) || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
