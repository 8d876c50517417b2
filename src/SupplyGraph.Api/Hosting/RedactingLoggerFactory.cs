using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupplyGraph.Api.Hosting;

/// <summary>
/// The host's logger factory with <see cref="CredentialRedaction"/> on every line: the message, the values of a
/// structured line and the exception's text, whoever logs them (our code, a store, ASP.NET Core). It wraps the
/// factory, not the providers, so provider-specific filters (<c>Logging:Console:LogLevel</c>) keep working.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Puts redaction in front of the logger factory that <paramref name="services"/> registers.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(
            provider => new RedactingLoggerFactory(provider.GetRequiredService<LoggerFactory>())));
    }

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The container owns and disposes the inner factory.
    public void Dispose()
    {
    }
}

/// <summary>A logger that hands its provider lines with their credentials masked.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var line = new RedactedLine(CredentialRedaction.Redact(formatter(state, exception)), RedactedValues(state));
        inner.Log(logLevel, eventId, line, exception is null ? null : new RedactedException(exception), static (redacted, _) => redacted.Message);
    }

    private static List<KeyValuePair<string, object?>> RedactedValues<TState>(TState state)
    {
        var values = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                // Numbers and the like cannot hold a credential; text and objects are shown as redacted text.
                var shown = value is null or bool or int or long or double or decimal or float or TimeSpan or DateTimeOffset or DateTime
                    ? value
                    : key == "{OriginalFormat}" ? value : CredentialRedaction.Redact(value.ToString() ?? string.Empty);
                values.Add(new KeyValuePair<string, object?>(key, shown));
            }
        }

        return values;
    }
}

/// <summary>A log line's redacted message and values, as structured formatters (JSON) read them.</summary>
internal sealed class RedactedLine(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message { get; } = message;

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}

/// <summary>An exception as a log line shows it (message and stack trace), with its credentials masked.</summary>
internal sealed class RedactedException(Exception original) : Exception(CredentialRedaction.Redact(original.Message))
{
    public override string? StackTrace => original.StackTrace;

    public override string ToString() => CredentialRedaction.Redact(original.ToString());
}
