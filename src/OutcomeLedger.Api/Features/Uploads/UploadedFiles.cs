using Microsoft.AspNetCore.Http.HttpResults;
using OutcomeLedger.Core.Import;

namespace OutcomeLedger.Api.Features.Uploads;

/// <summary>
/// The published files of an upload, for the imports and the source checks alike: either the request body is one file
/// (text/csv, named by <c>?file=</c>, default upload.csv), or a multipart/form-data upload holds several, each part
/// named by its own file name (CBP publishes one series in two files). Bounded: at most <see cref="MaxFiles"/> files,
/// the whole request by the endpoint's size limit; each file given once. Each file is held in memory, since the
/// reader opens it twice (values, then evidence).
/// </summary>
internal static class UploadedFiles
{
    public const int MaxFiles = 8;

    public const int MaxNameLength = 200;

    /// <summary>The files, or the problem naming the field that is wrong; nothing is read past the first problem.</summary>
    public static async Task<Upload> ReadAsync(HttpContext context, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            var single = string.IsNullOrWhiteSpace(name) ? "upload.csv" : Path.GetFileName(name);
            if (!IsPlainName(single))
            {
                return Upload.Problem(ApiProblem.BadRequest("file", $"file is a plain file name of at most {MaxNameLength} characters"));
            }

            // The whole body, bounded by the endpoint's size limit.
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, cancellationToken);
            return Upload.Of([File(single, body.ToArray())]);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            return Upload.Problem(ApiProblem.BadRequest("file", "?file= names a file sent as the whole body; each part of a multipart upload carries its own file name"));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Upload.Problem(ApiProblem.BadRequest("files", $"the upload is not a readable multipart/form-data body: {e.Message}"));
        }

        if (form.Files.Count == 0)
        {
            return Upload.Problem(ApiProblem.BadRequest("files", "the multipart upload holds no file part"));
        }

        if (form.Files.Count > MaxFiles)
        {
            return Upload.Problem(ApiProblem.BadRequest("files", $"at most {MaxFiles} files in one request; {form.Files.Count} were sent"));
        }

        var files = new List<ImportFile>(form.Files.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in form.Files)
        {
            var fileName = Path.GetFileName(part.FileName ?? "");
            if (!IsPlainName(fileName))
            {
                return Upload.Problem(ApiProblem.BadRequest("files", $"each file part needs a plain file name of at most {MaxNameLength} characters ('{Shown(part.FileName)}' is not)"));
            }

            if (!names.Add(fileName))
            {
                return Upload.Problem(ApiProblem.BadRequest("files", $"file '{fileName}' is given twice"));
            }

            using var content = new MemoryStream();
            await using (var stream = part.OpenReadStream())
            {
                await stream.CopyToAsync(content, cancellationToken);
            }

            files.Add(File(fileName, content.ToArray()));
        }

        return Upload.Of(files);
    }

    static ImportFile File(string name, byte[] bytes) => new(name, () => new MemoryStream(bytes, writable: false));

    static bool IsPlainName(string name) => name.Length is > 0 and <= MaxNameLength && !name.Any(char.IsControl);

    static string Shown(string? name) => name is null ? "" : new string([.. name.Take(MaxNameLength).Select(c => char.IsControl(c) ? '?' : c)]);

    /// <summary>The uploaded files, or why there are none.</summary>
    internal sealed record Upload(IReadOnlyList<ImportFile>? Files, ProblemHttpResult? Failure)
    {
        public static Upload Of(IReadOnlyList<ImportFile> files) => new(files, null);

        public static Upload Problem(ProblemHttpResult problem) => new(null, problem);
    }
}
