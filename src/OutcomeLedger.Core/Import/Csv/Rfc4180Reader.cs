using System.Text;

namespace OutcomeLedger.Core.Import.Csv;

/// <summary>
/// A bounded RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes (§2.5–2.7). Records end with CRLF or LF; a leading byte-order mark is ignored; blank lines
/// are ignored. Every syntax error names its physical line and the field (by header name once
/// <see cref="ColumnNames"/> is set). Bounds: field length, record count (header included) and total
/// characters, all from <see cref="ImportOptions"/>.
/// </summary>
public sealed class Rfc4180Reader
{
    const int EndOfInput = -1;

    readonly TextReader _reader;
    readonly ImportOptions _options;
    readonly char[] _buffer = new char[8192];
    readonly StringBuilder _field = new();
    int _position;
    int _length;
    long _characters;
    bool _overLimit;
    bool _started;
    bool _finished;
    int _records;

    public Rfc4180Reader(TextReader reader, string fileName, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _reader = reader;
        _options = options;
        FileName = fileName;
    }

    public string FileName { get; }

    /// <summary>The physical line the reader is on (1-based).</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Header names, used to name the column in error messages.</summary>
    public IReadOnlyList<string>? ColumnNames { get; set; }

    /// <summary>Reads the next record; null at the end of the input, or after a bound was exceeded.</summary>
    public CsvRecord? Read()
    {
        if (_finished)
        {
            return null;
        }

        if (!_started)
        {
            _started = true;
            if (Peek() == '\uFEFF')
            {
                Next();
            }
        }

        if (SkipBlankLines() is { } blankLineError)
        {
            return blankLineError;
        }

        if (Peek() == EndOfInput)
        {
            _finished = true;
            return _overLimit ? new CsvRecord(Line, [], OverLimitError()) : null;
        }

        if (_records >= _options.MaxRecords)
        {
            _finished = true;
            return new CsvRecord(Line, [], Error(Line, -1, $"the file has more than {_options.MaxRecords} records"));
        }

        _records++;
        return ReadRecord();
    }

    CsvRecord ReadRecord()
    {
        var startLine = Line;
        var fields = new List<string>();
        ImportError? error = null;
        while (true)
        {
            var index = fields.Count;
            _field.Clear();
            if (Peek() == '"')
            {
                var quoteLine = Line;
                Next();
                if (!ReadQuotedContent(index, ref error))
                {
                    fields.Add(_field.ToString());
                    _finished = true;
                    error = _overLimit ? OverLimitError() : error ?? Error(quoteLine, index, "the quoted field is not closed before the end of the file");
                    return new CsvRecord(startLine, fields, error);
                }

                if (Peek() is not (',' or '\r' or '\n' or EndOfInput))
                {
                    error ??= Error(Line, index, $"unexpected character '{(char)Peek()}' after a closing quote (RFC 4180 §2.7: a quote inside a quoted field must be doubled)");
                    SkipToFieldEnd();
                }
            }
            else
            {
                ReadUnquotedContent(index, ref error);
            }

            fields.Add(_field.ToString());
            var separator = Next();
            switch (separator)
            {
                case ',':
                    continue;
                case '\n':
                    Line++;
                    break;
                case '\r':
                    if (Peek() == '\n')
                    {
                        Next();
                    }
                    else
                    {
                        error ??= Error(Line, index, "a carriage return not followed by a line feed");
                    }

                    Line++;
                    break;
                default:
                    break;
            }

            if (_overLimit)
            {
                _finished = true;
                error = OverLimitError();
            }

            return new CsvRecord(startLine, fields, error);
        }
    }

    // After the opening quote; returns false at the end of the input before the closing quote.
    bool ReadQuotedContent(int index, ref ImportError? error)
    {
        while (true)
        {
            var c = Next();
            switch (c)
            {
                case EndOfInput:
                    return false;
                case '"' when Peek() == '"':
                    Next();
                    Append('"', index, ref error);
                    break;
                case '"':
                    return true;
                default:
                    if (c == '\n')
                    {
                        Line++;
                    }

                    Append((char)c, index, ref error);
                    break;
            }
        }
    }

    void ReadUnquotedContent(int index, ref ImportError? error)
    {
        while (Peek() is not (',' or '\r' or '\n' or EndOfInput))
        {
            var c = (char)Next();
            if (c == '"')
            {
                error ??= Error(Line, index, "a quote inside an unquoted field (RFC 4180 §2.5: a field holding quotes must be enclosed in quotes)");
            }

            Append(c, index, ref error);
        }
    }

    void SkipToFieldEnd()
    {
        while (Peek() is not (',' or '\r' or '\n' or EndOfInput))
        {
            Next();
        }
    }

    CsvRecord? SkipBlankLines()
    {
        while (true)
        {
            switch (Peek())
            {
                case '\n':
                    Next();
                    Line++;
                    break;
                case '\r':
                    Next();
                    if (Peek() != '\n')
                    {
                        var error = Error(Line, -1, "a carriage return not followed by a line feed");
                        Line++;
                        return new CsvRecord(Line - 1, [], error);
                    }

                    Next();
                    Line++;
                    break;
                default:
                    return null;
            }
        }
    }

    void Append(char c, int index, ref ImportError? error)
    {
        if (_field.Length < _options.MaxFieldLength)
        {
            _field.Append(c);
        }
        else
        {
            error ??= Error(Line, index, $"the field is longer than {_options.MaxFieldLength} characters");
        }
    }

    int Peek() => _position < _length || Fill() ? _buffer[_position] : EndOfInput;

    int Next() => _position < _length || Fill() ? _buffer[_position++] : EndOfInput;

    bool Fill()
    {
        if (_overLimit)
        {
            return false;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        _characters += _length;
        if (_characters > _options.MaxFileBytes)
        {
            // Characters never outnumber the bytes that encode them, so this bound is at most the byte bound.
            _overLimit = true;
            _length = 0;
        }

        return _length > 0;
    }

    ImportError OverLimitError() => Error(Line, -1, $"the file is longer than {_options.MaxFileBytes} characters");

    ImportError Error(int line, int fieldIndex, string message)
    {
        var column = fieldIndex < 0 ? ""
            : ColumnNames is { } names && fieldIndex < names.Count ? names[fieldIndex]
            : $"field {fieldIndex + 1}";
        return new ImportError(FileName, line, column, message);
    }
}
