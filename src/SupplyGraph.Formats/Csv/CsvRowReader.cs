using System.Globalization;
using System.Text;
using CsvHelper;
using SupplyGraph.Domain.Datasets;
using SupplyGraph.Domain.Vocabulary;
using SupplyGraph.Formats.Json;

namespace SupplyGraph.Formats.Csv;

/// <summary>
/// One CSV file read row by row (CsvHelper streams it through a fixed buffer), with the field reads every row needs:
/// each checks its value as the JSON reader would and reports what is wrong at the field's line and column, under the
/// column's header.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private readonly CsvReader reader;
    private readonly CsvErrors errors;
    private byte[] raw = new byte[1024];
    private int rawLength;

    public CsvRowReader(Stream stream, string file, int fileOrder, CsvErrors errors)
    {
        File = file;
        FileOrder = fileOrder;
        this.errors = errors;
        reader = CsvReader.Create(new Utf8CheckingStream(stream), Options, leaveOpen: false);
    }

    public string File { get; }

    /// <summary>Where the file comes in the read (node files first); errors are sorted by it.</summary>
    public int FileOrder { get; set; }

    /// <summary>The line the current row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>Errors of the current row so far.</summary>
    public int RowErrors { get; private set; }

    /// <summary>The header names; empty for an empty file.</summary>
    public IReadOnlyList<string> ReadHeader() => reader.Headers;

    public bool Read()
    {
        if (!reader.Read())
        {
            return false;
        }

        Line = (int)reader.LineNumber;
        RowErrors = 0;

        // Kept for the positions of errors, which may be found after the parser moved on (a lookup in the store).
        var record = reader.RawRecord;
        if (record.Length > raw.Length)
        {
            raw = new byte[Math.Max(record.Length, raw.Length * 2)];
        }

        record.CopyTo(raw);
        rawLength = record.Length;
        return true;
    }

    public int FieldCount => reader.FieldCount;

    public (int Line, int Column) PositionOf(int fieldIndex) => CsvRecordPositions.Of(raw.AsSpan(0, rawLength), Line, fieldIndex);

    /// <summary>An error at a column of the row, or at its start (under <paramref name="fieldName"/>) when the file has no such column.</summary>
    public void Error(CsvColumn? column, string fieldName, string message)
    {
        RowErrors++;
        var (line, columnNumber) = column is null ? (Line, 1) : PositionOf(column.Index);
        errors.Add(FileOrder, File, column?.Header ?? fieldName, line, columnNumber, message);
    }

    /// <summary>An error at a field of the row given by its index (one past the header's columns, say).</summary>
    public void ErrorAtField(int fieldIndex, string where, string message)
    {
        RowErrors++;
        var (line, column) = PositionOf(fieldIndex);
        errors.Add(FileOrder, File, where, line, column, message);
    }

    public void ErrorAt(int line, int column, string where, string message) => errors.Add(FileOrder, File, where, line, column, message);

    /// <summary>The value, or null when the column is missing or the field empty (neo4j-admin sets no property then).</summary>
    public string? Text(CsvColumn? column) =>
        column is null || reader.IsEmpty(column.Index) ? null : reader.GetString(column.Index);

    public string? RequiredText(CsvColumn? column, string fieldName)
    {
        var text = Text(column);
        if (text is null)
        {
            Error(column, fieldName, "required field is missing");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Error(column, fieldName, "must not be empty");
            return null;
        }

        return text;
    }

    /// <summary>A list written with neo4j-admin's array delimiter <c>;</c>; an empty field is an empty list.</summary>
    public IReadOnlyList<string> List(CsvColumn? column)
    {
        var text = Text(column);
        if (text is null)
        {
            return [];
        }

        var items = text.Split(CsvDatasetWriter.ArrayDelimiter);
        for (var i = 0; i < items.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i]))
            {
                Error(column, string.Empty, $"item {i + 1} of the list is empty: items are separated by \"{CsvDatasetWriter.ArrayDelimiter}\" and must not be empty");
                return [];
            }
        }

        return items;
    }

    public DateOnly? Date(CsvColumn? column, string fieldName, bool required)
    {
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Error(column, fieldName, "required field is missing: a date YYYY-MM-DD");
            }

            return null;
        }

        Span<byte> utf8 = stackalloc byte[10];
        if (text.Length == 10 && Encoding.UTF8.TryGetBytes(text, utf8, out var written) && written == 10 && IsoDate.TryParse(utf8, out var date, out _))
        {
            return date;
        }

        Error(column, fieldName, $"bad date \"{text}\": expected a calendar date written YYYY-MM-DD");
        return null;
    }

    public long? Long(CsvColumn? column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(column, string.Empty, $"expected a whole non-negative number, found \"{text}\"");
        return null;
    }

    public TEnum? Enum<TEnum>(CsvColumn? column, string fieldName, string what)
        where TEnum : struct, Enum
    {
        var text = RequiredText(column, fieldName);
        if (text is null)
        {
            return null;
        }

        if (WireNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Error(column, fieldName, $"unknown {what} \"{text}\"; expected one of {string.Join(", ", WireNames.AllowedValues<TEnum>())}");
        return null;
    }

    /// <summary>The sources column: a JSON array of {"document", "locator", "url"}, as the Neo4j store keeps it.</summary>
    public IReadOnlyList<Source> Sources(CsvColumn? column)
    {
        var text = Text(column);
        if (text is null)
        {
            Error(column, CsvFields.Sources.Name, "missing source: every entity and relationship needs at least one {\"document\", \"locator\"}, written as JSON ([{\"document\": \"...\", \"locator\": \"...\"}])");
            return [];
        }

        try
        {
            return DatasetReader.ReadSourcesJson(text, File);
        }
        catch (System.Text.Json.JsonException exception)
        {
            Error(column, CsvFields.Sources.Name, $"not valid JSON: {exception.Message}");
        }
        catch (DatasetValidationException exception)
        {
            foreach (var error in exception.Errors)
            {
                Error(column, CsvFields.Sources.Name, $"{error.JsonPath.Replace("$.", string.Empty, StringComparison.Ordinal)}: {error.Message}");
            }
        }

        return [];
    }

    public void Dispose() => reader.Dispose();
}
