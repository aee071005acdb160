using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OutcomeLedger.Storage;

/// <summary>A server's TLS certificate from PEM files, as certbot and most CAs write them; the private key file must be owner-only.</summary>
public static class TlsCertificate
{
    /// <summary>The certificate (with its chain's first certificate) and its private key; errors name the file, never the key.</summary>
    public static X509Certificate2 Load(string certificateFile, string keyFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificateFile);
        ArgumentException.ThrowIfNullOrEmpty(keyFile);
        if (!File.Exists(certificateFile))
        {
            throw new FileNotFoundException($"certificate file '{certificateFile}' does not exist", certificateFile);
        }

        var key = KeyFile.ReadSecret(keyFile);
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile), key);
        }
        catch (CryptographicException e)
        {
            throw new InvalidDataException($"certificate '{certificateFile}' and key '{keyFile}' are not a PEM certificate and its private key: {e.Message}", e);
        }
    }
}
