using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace SupplyGraph.Api.GraphQL.Types;

/// <summary>The <c>Date</c> scalar: a calendar day written <c>YYYY-MM-DD</c>.</summary>
internal sealed class CalendarDateType : ScalarGraphType
{
    public const string Format = "yyyy-MM-dd";

    public CalendarDateType()
    {
        Name = "Date";
        Description = "A calendar day written YYYY-MM-DD, e.g. 2023-10-17.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => throw new DateFormatException(value.ToString() ?? value.Kind.ToString()),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        DateOnly date => date,
        _ => throw new DateFormatException(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    // Any string passes the shape check, so that a malformed day fails in ParseLiteral/ParseValue with a
    // DateFormatException, which the error mapping turns into INVALID_ARGUMENT naming the argument.
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue or GraphQLStringValue;

    public override bool CanParseValue(object? value) => value is null or DateOnly or string;

    private static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new DateFormatException(text);

    private static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>A value given for a <c>Date</c> is not a real calendar day written YYYY-MM-DD.</summary>
internal sealed class DateFormatException(string text)
    : FormatException($"Expected a calendar day written YYYY-MM-DD (e.g. 2023-10-17); got \"{text}\".")
{
    public string Text { get; } = text;
}
