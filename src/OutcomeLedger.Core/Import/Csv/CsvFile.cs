using System.Text;

namespace OutcomeLedger.Core.Import.Csv;

/// <summary>
/// Reads a UTF-8 CSV file through <see cref="Rfc4180Reader"/>, hashing its bytes on the way. <see cref="Read"/> checks
/// a header row and hands each well-formed data record to the caller as a <see cref="CsvRow"/>; formats without a
/// fixed header (a monthly series) read the records themselves through <see cref="ReadRecords(Stream, string, ImportOptions, Action{Rfc4180Reader, List{ImportError}}, List{ImportError})"/>.
/// </summary>
internal static class CsvFile
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // requiredColumns: the header must have them; allowOtherColumns is false for fixed published formats, where
    // an unknown column means the format changed under us.
    public static ImportSource Read(
        Stream content,
        string fileName,
        ImportOptions options,
        IReadOnlyCollection<string> requiredColumns,
        bool allowOtherColumns,
        Action<CsvRow> onRow,
        List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(requiredColumns);
        ArgumentNullException.ThrowIfNull(onRow);
        return ReadRecords(content, fileName, options, (reader, found) => ReadWithHeader(reader, requiredColumns, allowOtherColumns, onRow, found), errors);
    }

    /// <summary>
    /// The pass every CSV read shares: bounded bytes, strict UTF-8, the SHA-256 of the file, and an oversized file
    /// refused as a whole. <paramref name="readRecords"/> reads the records (through the reader, so its bounds and
    /// syntax errors apply) and adds what it finds wrong to the list it is given.
    /// </summary>
    public static ImportSource ReadRecords(
        Stream content,
        string fileName,
        ImportOptions options,
        Action<Rfc4180Reader, List<ImportError>> readRecords,
        List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readRecords);
        ArgumentNullException.ThrowIfNull(errors);
        options.Validate();

        using var hashing = new HashingReadStream(content, options.MaxFileBytes);
        var found = new List<ImportError>();
        using (var text = new StreamReader(hashing, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true))
        {
            var reader = new Rfc4180Reader(text, fileName, options);
            try
            {
                readRecords(reader, found);
            }
            catch (DecoderFallbackException)
            {
                found.Add(new ImportError(fileName, reader.Line, "", "the file is not valid UTF-8"));
            }
        }

        hashing.Drain();
        if (hashing.LimitExceeded)
        {
            // An oversized file is refused as a whole; errors from its truncated text would mislead.
            errors.Add(new ImportError(fileName, 0, "", $"the file is larger than {options.MaxFileBytes} bytes"));
            return new ImportSource(fileName, null, hashing.BytesRead);
        }

        errors.AddRange(found);
        return new ImportSource(fileName, hashing.Sha256(), hashing.BytesRead);
    }

    static void ReadWithHeader(Rfc4180Reader reader, IReadOnlyCollection<string> requiredColumns, bool allowOtherColumns, Action<CsvRow> onRow, List<ImportError> errors)
    {
        var header = reader.Read();
        if (header is null)
        {
            errors.Add(new ImportError(reader.FileName, 1, "", "the file is empty: no header row"));
            return;
        }

        if (header.Error is { } headerError)
        {
            errors.Add(headerError);
            return;
        }

        if (CheckHeader(reader.FileName, header, requiredColumns, allowOtherColumns, errors) is not { } index)
        {
            return;
        }

        reader.ColumnNames = header.Fields;
        while (reader.Read() is { } record)
        {
            if (record.Error is { } error)
            {
                errors.Add(error);
            }
            else if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(new ImportError(reader.FileName, record.Line, "", $"the record has {record.Fields.Count} fields; the header has {header.Fields.Count}"));
            }
            else
            {
                onRow(new CsvRow(reader.FileName, record.Line, record.Fields, index, errors));
            }
        }
    }

    static Dictionary<string, int>? CheckHeader(string fileName, CsvRecord header, IReadOnlyCollection<string> requiredColumns, bool allowOtherColumns, List<ImportError> errors)
    {
        var before = errors.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i];
            if (name.Trim().Length == 0)
            {
                errors.Add(new ImportError(fileName, header.Line, $"field {i + 1}", "the header names no column here"));
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(new ImportError(fileName, header.Line, name, "the header names this column twice"));
            }
        }

        foreach (var required in requiredColumns)
        {
            if (!index.ContainsKey(required))
            {
                errors.Add(new ImportError(fileName, header.Line, required, "the header has no such column"));
            }
        }

        if (!allowOtherColumns)
        {
            var known = requiredColumns.ToHashSet(StringComparer.Ordinal);
            foreach (var name in index.Keys.Where(name => !known.Contains(name)))
            {
                errors.Add(new ImportError(fileName, header.Line, name, "unexpected column: the file's format is not the one this importer reads"));
            }
        }

        return errors.Count == before ? index : null;
    }
}
