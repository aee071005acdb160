using System.CommandLine;
using System.Text.Json;
using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Cli.Commands.Log;

/// <summary><c>outcomes log keygen &lt;name&gt;</c>: a new Ed25519 signed-note key pair for a log.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The key name, by convention the log's origin (e.g. example.com/log)" };
        var json = new Option<bool>("--json") { Description = "Print {name, keyId, privateKey, verifierKey} as JSON" };
        var witness = new Option<bool>("--witness") { Description = "A witness key (cosignature/v1, c2sp.org/tlog-cosignature) for 'outcomes witness', instead of a log key" };
        var command = new Command("keygen", "Print a new private key (PRIVATE+KEY+name+id+base64) and its verifier key (name+id+base64)")
        {
            name,
            json,
            witness,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(name), parse.GetValue(json), parse.GetValue(witness), parse.InvocationConfiguration));
        return command;
    }

    static int Run(string name, bool json, bool witness, InvocationConfiguration console)
    {
        if (!NoteKeyName.IsValid(name))
        {
            console.Error.WriteLine("outcomes log keygen: the key name must be non-empty, without spaces, '+' or control characters");
            return ExitCodes.Usage;
        }

        // c2sp.org/signed-note: Ed25519 keys, type 0x01 (cosignature/v1 witness keys: type 0x04); the private key is Go's note format.
        using var key = SignerKey.Generate(name, witness ? NoteKeyType.CosignatureV1 : NoteKeyType.Ed25519);
        var privateKey = key.FormatPrivate();
        var verifierKey = key.VerifierKey.ToString();
        if (json)
        {
            console.Output.WriteLine(JsonSerializer.Serialize(new KeygenOutput(name, $"{key.KeyId:x8}", privateKey, verifierKey), KeygenOutput.Options));
        }
        else
        {
            console.Output.WriteLine(privateKey);
            console.Output.WriteLine(verifierKey);
        }

        return ExitCodes.Ok;
    }

    sealed record KeygenOutput(string Name, string KeyId, string PrivateKey, string VerifierKey)
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    }
}
