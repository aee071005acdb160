using System.Runtime.InteropServices;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

/// <summary>Our IMB_JOB has the installed header's offsets and enumerator values, checked against gcc.</summary>
public class ImbJobTests
{
    // C field name → our field name (the union u is represented by its first word).
    static string OurName(string field) => field switch
    {
        "u" => nameof(ImbJob.HashSpecific0),
        "user_data2" => nameof(ImbJob.UserData2),
        _ => string.Concat(field.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])),
    };

    [Fact]
    public void Layout_EveryField_AtTheInstalledHeadersOffset()
    {
        var header = InstalledHeader.Values;
        foreach (var field in InstalledHeader.JobFields)
        {
            Assert.Equal((header[$"IMB_JOB.{field}"], field), ((long)Marshal.OffsetOf<ImbJob>(OurName(field)), field));
        }

        Assert.Equal(header["sizeof(IMB_JOB)"], Marshal.SizeOf<ImbJob>());
    }

    [Fact]
    public void Constants_EqualTheInstalledHeaders()
    {
        var header = InstalledHeader.Values;
        Assert.Equal<long>(ImbJob.CipherNull, header["IMB_CIPHER_NULL"]);
        Assert.Equal<long>(ImbJob.DirectionEncrypt, header["IMB_DIR_ENCRYPT"]);
        Assert.Equal<long>(ImbJob.AuthSha256, header["IMB_AUTH_SHA_256"]);
        Assert.Equal<long>(ImbJob.OrderHashCipher, header["IMB_ORDER_HASH_CIPHER"]);
        Assert.Equal<long>(ImbJob.StatusCompleted, header["IMB_STATUS_COMPLETED"]);
    }
}
