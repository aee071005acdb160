using System.Diagnostics;

namespace OutcomeLedger.Cli.Tests.Commands.Pack;

/// <summary>Debian's poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts): another program's reading of our PDFs.</summary>
internal static class Poppler
{
    public static string Text(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-");

    public static string Info(string pdf) => Run("pdfinfo", pdf);

    public static string Fonts(string pdf) => Run("pdffonts", pdf);

    public static int Pages(string pdf) =>
        int.Parse(Info(pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every page as an 8-bit greyscale image (PGM) at <paramref name="dpi"/>, in page order.</summary>
    public static IReadOnlyList<(int Width, int Height, byte[] Pixels)> Render(string pdf, string folder, int dpi)
    {
        Run("pdftoppm", "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, Path.Combine(folder, "page"));
        return [.. Directory.GetFiles(folder, "page-*.pgm").Order(StringComparer.Ordinal).Select(ReadPgm)];
    }

    static (int, int, byte[]) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // P5 <width> <height> <max>\n then the pixels; pdftoppm writes no comments.
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
        }

        Assert.Equal("P5", fields[0]);
        var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        return (width, height, bytes[(at + 1)..]);
    }

    static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed: install Debian's poppler-utils (.ci/run does)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {error}");
            return output.Result;
        }
    }
}
