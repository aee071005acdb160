using OutcomeLedger.Core.Transparency.Notes;

namespace OutcomeLedger.Core.Tests.Transparency.Notes;

public class SignerKeyTests
{
    const string GoSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    [Fact]
    public void TryParse_GoKey_DerivesGoVerifierKeyAndFormatsBack()
    {
        Assert.True(SignerKey.TryParse(GoSignerKey, out var key, out var error), error?.Message);
        using (key)
        {
            Assert.Equal("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", key.VerifierKey.ToString());
            Assert.Equal(GoSignerKey, key.FormatPrivate());
            Assert.DoesNotContain("AYEKF", key.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_RoundTripsThroughPrivateFormat()
    {
        using var key = SignerKey.Generate("example.com/log");
        Assert.True(SignerKey.TryParse(key.FormatPrivate(), out var parsed, out var error), error?.Message);
        using (parsed)
        {
            Assert.Equal(key.VerifierKey, parsed.VerifierKey);
        }
    }

    [Fact]
    public void Generate_CosignatureKey_UsesTypeFourKeyId()
    {
        using var key = SignerKey.Generate("witness.example", NoteKeyType.CosignatureV1);

        Assert.Equal(NoteKeyType.CosignatureV1, key.VerifierKey.Type);
        Assert.Equal(NoteKeyId.Compute("witness.example", NoteKeyType.CosignatureV1, key.PrivateKey.PublicKey), key.KeyId);
        Assert.Throws<ArgumentNullException>(() => key.CreateSigner());
    }

    [Theory]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", NoteErrorKind.KeyIdMismatch)]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", NoteErrorKind.UnknownKeyType)]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF", NoteErrorKind.MalformedKey)]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKA==", NoteErrorKind.MalformedKey)]
    [InlineData("PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", NoteErrorKind.MalformedKey)]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3", NoteErrorKind.MalformedKey)]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", NoteErrorKind.MalformedKey)]
    [InlineData("private+key+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", NoteErrorKind.MalformedKey)]
    public void TryParse_BadKey_RejectedWithoutLeakingKeyMaterial(string text, NoteErrorKind expected)
    {
        Assert.False(SignerKey.TryParse(text, out _, out var error));
        Assert.Equal(expected, error.Kind);
        Assert.DoesNotContain("AYEKFALVFGyNhPJEMzD1", error.Message, StringComparison.Ordinal);
    }
}
