using System.Diagnostics;
using System.Globalization;

namespace OutcomeLedger.Hashing.IpsecMb.Tests;

/// <summary>
/// Field offsets and constants of the installed intel-ipsec-mb.h, as gcc lays them out: the reference our
/// hand-written structs must match. Skips when gcc or the header (package libipsec-mb-dev) is absent.
/// </summary>
internal static class InstalledHeader
{
    const string HeaderPath = "/usr/include/intel-ipsec-mb.h";

    static readonly string[] s_jobFields =
    [
        "enc_keys", "dec_keys", "key_len_in_bytes", "src", "dst", "cipher_start_src_offset_in_bytes",
        "msg_len_to_cipher_in_bytes", "hash_start_src_offset_in_bytes", "msg_len_to_hash_in_bytes", "iv",
        "iv_len_in_bytes", "auth_tag_output", "auth_tag_output_len_in_bytes", "u", "status", "cipher_mode",
        "cipher_direction", "hash_alg", "chain_order", "user_data", "user_data2", "cipher_func", "hash_func",
        "sgl_state", "cipher_fields",
    ];

    static readonly string[] s_managerFields =
    [
        "flags", "features", "used_arch", "imb_errno", "get_next_job", "submit_job", "submit_job_nocheck",
        "get_completed_job", "flush_job", "queue_size",
    ];

    static readonly string[] s_constants =
    [
        "IMB_CIPHER_NULL", "IMB_DIR_ENCRYPT", "IMB_AUTH_SHA_256", "IMB_ORDER_HASH_CIPHER", "IMB_STATUS_COMPLETED",
    ];

    static readonly Lazy<Dictionary<string, long>?> s_values = new(Compile);

    public static IReadOnlyDictionary<string, long> Values
    {
        get
        {
            var values = s_values.Value;
            Assert.SkipWhen(values is null, $"gcc and {HeaderPath} are needed (apt-get install gcc libipsec-mb-dev); CI installs them");
            return values!;
        }
    }

    public static IEnumerable<string> JobFields => s_jobFields;

    public static IEnumerable<string> ManagerFields => s_managerFields;

    public static IEnumerable<string> Constants => s_constants;

    static Dictionary<string, long>? Compile()
    {
        if (!File.Exists(HeaderPath) || !File.Exists("/usr/bin/gcc"))
        {
            return null;
        }

        var lines = new List<string>
        {
            "#include <stdio.h>", "#include <stddef.h>", "#include <stdint.h>", "#define NO_COMPAT_IMB_API_053",
            "#include <intel-ipsec-mb.h>", "int main(void) {",
            "printf(\"sizeof(IMB_JOB) %zu\\n\", sizeof(IMB_JOB));",
        };
        lines.AddRange(s_jobFields.Select(f => $"printf(\"IMB_JOB.{f} %zu\\n\", offsetof(IMB_JOB, {f}));"));
        lines.AddRange(s_managerFields.Select(f => $"printf(\"IMB_MGR.{f} %zu\\n\", offsetof(IMB_MGR, {f}));"));
        lines.AddRange(s_constants.Select(c => $"printf(\"{c} %d\\n\", (int){c});"));
        lines.Add("return 0; }");

        var directory = Directory.CreateTempSubdirectory("imb-layout-");
        try
        {
            var source = Path.Combine(directory.FullName, "layout.c");
            var program = Path.Combine(directory.FullName, "layout");
            File.WriteAllLines(source, lines);
            Run("/usr/bin/gcc", ["-o", program, source]);
            return Run(program, []).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    static string Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {error}");
    }
}
