using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

// Seeded character-level mutations of valid keys and checkpoint bodies: parsers never throw, and whatever they
// accept formats back to exactly the accepted text (hex case aside), so no two spellings mean the same thing.
public class NoteInputFuzzTests
{
    const string Alphabet = "+/=0aAzZ9 \n\t\u2014\u00a0-_é";

    [Fact]
    public void VerifierKeyTryParse_RandomMutations_NeverThrowAndRoundTrip()
    {
        string[] seeds =
        [
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            NoteVectors.SkylightVerifierKey("witness.v0.json"),
            NoteVectors.SkylightVerifierKey("mirror.v0.json"),
        ];
        var random = new Random(7);
        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(seeds[random.Next(seeds.Length)], random);
            if (VerifierKey.TryParse(text, out var key, out _))
            {
                accepted++;
                Assert.Equal(text.ToLowerInvariant(), key.ToString().ToLowerInvariant());
            }
        }

        Assert.InRange(accepted, 1, 2999);
    }

    [Fact]
    public void SignerKeyTryParse_RandomMutations_NeverThrow()
    {
        const string seed = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
        var random = new Random(8);
        for (var i = 0; i < 500; i++)
        {
            var text = Mutate(seed, random);
            if (SignerKey.TryParse(text, out var key, out _))
            {
                using (key)
                {
                    Assert.Equal(text.ToLowerInvariant(), key.FormatPrivate().ToLowerInvariant());
                }
            }
        }
    }

    [Fact]
    public void CheckpointTryParse_RandomMutations_NeverThrowAndRoundTrip()
    {
        string[] seeds =
        [
            "rome2026h1.example.org\n300\nlCkHUpkmVBEms2r2T1K6Og69+wUuuN3MIEW1/ezu2v0=\n",
            "example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next\n",
        ];
        var random = new Random(9);
        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(seeds[random.Next(seeds.Length)], random);
            if (Checkpoint.TryParse(text, out var checkpoint, out _))
            {
                accepted++;
                Assert.Equal(text, checkpoint.Format());
            }
        }

        Assert.InRange(accepted, 1, 2999);
    }

    static string Mutate(string seed, Random random)
    {
        var chars = seed.ToList();
        var steps = random.Next(0, 3);
        for (var s = 0; s < steps && chars.Count > 0; s++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 2: chars.RemoveAt(at); break;
                default: chars[at] = (char)random.Next(0, 0x10000); break;
            }
        }

        return new string([.. chars]);
    }
}
