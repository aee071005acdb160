using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace OutcomeLedger.Core.Transparency;

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

    public static NoteVerifierSet Of(params NoteVerifier[] verifiers) => new(verifiers);

    public int Count => _byKey.Count;

    public bool TryGet(string name, uint keyId, [NotNullWhen(true)] out NoteVerifier? verifier) =>
        _byKey.TryGetValue((name, keyId), out verifier);

    public IEnumerator<NoteVerifier> GetEnumerator() => _byKey.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
