using Microsoft.Data.Sqlite;
using SupplyGraph.Domain.Datasets;
using SQLitePCL;

namespace SupplyGraph.Store.Embedded;

/// <summary>
/// A statement prepared once on the connection's own SQLite handle and bound, stepped and reset directly: the
/// rows of a bulk import cost what SQLite costs, without a data reader and boxed parameters per row. It runs in
/// whatever transaction the connection has open. Parameters are numbered from 1 in the order they appear.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        this.connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
    }

    public void Bind(int parameter, long value) => Check(raw.sqlite3_bind_int64(statement, parameter, value));

    /// <summary>Binds UTF-8 text (SQLite copies it), so callers can format into a reused buffer.</summary>
    public void Bind(int parameter, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(statement, parameter, utf8));

    public void BindNull(int parameter) => Check(raw.sqlite3_bind_null(statement, parameter));

    public void Bind(int parameter, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, parameter) : raw.sqlite3_bind_text(statement, parameter, value));

    /// <summary>Runs the statement; returns the first column of its first row (RETURNING), or null when it returned none.</summary>
    public long? Run()
    {
        try
        {
            var result = raw.sqlite3_step(statement);
            if (result == raw.SQLITE_ROW)
            {
                var value = raw.sqlite3_column_int64(statement, 0);
                while (result == raw.SQLITE_ROW)
                {
                    result = raw.sqlite3_step(statement);
                }

                Check(result);
                return value;
            }

            Check(result);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Steps a query to its next row; false (and reset, ready to run again) after the last.</summary>
    public bool NextRow()
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(statement);
        Check(result);
        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    /// <summary>A text column's UTF-8 bytes, valid until the next step.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(statement, column);

    public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    /// <summary>A column holding <c>yyyy-MM-dd</c>, read from its bytes (no string per row).</summary>
    public DateOnly? Date(int column)
    {
        if (IsNull(column))
        {
            return null;
        }

        return IsoDate.TryParse(raw.sqlite3_column_blob(statement, column), out var date, out _)
            ? date
            : throw new FormatException($"\"{Text(column)}\" in column {column} is not a date written yyyy-MM-dd.");
    }

    /// <summary>Rows the last run inserted or updated.</summary>
    public int Changes => raw.sqlite3_changes(connection.Handle);

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), result);
        }
    }
}
