using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace OutcomeLedger.Core.Transparency.Notes;

/// <summary>The known verifiers, looked up by (key name, key ID) as c2sp.org/signed-note requires.</summary>
public sealed class NoteVerifierSet : IReadOnlyCollection<NoteVerifier>
{
    readonly Dictionary<(string Name, uint KeyId), NoteVerifier> _byKey = [];

    /// <summary>Two verifiers with the same name and key ID are ambiguous (Go's VerifierList reports it too): this throws.</summary>
    public NoteVerifierSet(IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        foreach (var verifier in verifiers)
        {
            ArgumentNullException.ThrowIfNull(verifier, nameof(verifiers));
            if (!_byKey.TryAdd((verifier.Name, verifier.KeyId), verifier))
            {
                throw new ArgumentException($"two verifiers for key {verifier}: ambiguous", nameof(verifiers));
            }
        }
    }

    /// <summary>Parses verifier keys (e.g. from configuration) into a set; a malformed or repeated key is an error.</summary>
    public static bool TryParse(IEnumerable<string> verifierKeys, [NotNullWhen(true)] out NoteVerifierSet? set, [NotNullWhen(false)] out NoteError? error)
    {
        ArgumentNullException.ThrowIfNull(verifierKeys);
        set = null;
        var verifiers = new List<NoteVerifier>();
        var seen = new HashSet<(string, uint)>();
        foreach (var text in verifierKeys)
        {
            if (!VerifierKey.TryParse(text, out var key, out error))
            {
                return false;
            }

            if (!seen.Add((key.Name, key.KeyId)))
            {
                error = new NoteError(NoteErrorKind.MalformedKey, $"verifier key {key.Name}+{key.KeyId:x8} is given twice");
                return false;
            }

            verifiers.Add(key.CreateVerifier());
        }

        set = new NoteVerifierSet(verifiers);
        error = null;
        return true;
    }

    public int Count => _byKey.Count;

    public bool TryGet(string name, uint keyId, [NotNullWhen(true)] out NoteVerifier? verifier) =>
        _byKey.TryGetValue((name, keyId), out verifier);

    public IEnumerator<NoteVerifier> GetEnumerator() => _byKey.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
