using System.Runtime.InteropServices;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

/// <summary>Our head of IMB_MGR has the installed header's offsets, checked against gcc.</summary>
public class ImbManagerHeaderTests
{
    static string OurName(string field) => field switch
    {
        "imb_errno" => nameof(ImbManagerHeader.ImbErrno),
        _ => string.Concat(field.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])),
    };

    [Fact]
    public void Layout_EveryField_AtTheInstalledHeadersOffset()
    {
        var header = InstalledHeader.Values;
        foreach (var field in InstalledHeader.ManagerFields)
        {
            Assert.Equal((header[$"IMB_MGR.{field}"], field), ((long)Marshal.OffsetOf<ImbManagerHeader>(OurName(field)), field));
        }
    }
}
