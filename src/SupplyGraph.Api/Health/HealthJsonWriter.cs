using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupplyGraph.Api.Hosting;

namespace SupplyGraph.Api.Health;

/// <summary>
/// The body of <c>/health/live</c> and <c>/health/ready</c>:
/// <c>{"status":"healthy","checks":{"store":{"status":"healthy","description":"...","durationMs":0.4,"data":{...}}}}</c>.
/// An exception a check threw is never written (it may name a path); its check's description says what failed.
/// </summary>
internal static class HealthJsonWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        // Written to memory first: JsonSerializer flushes its writer synchronously, which Kestrel refuses on the body.
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("status", Name(report.Status));
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 3));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", Name(entry.Status));
            json.WriteString("description", CredentialRedaction.Redact(entry.Description ?? (entry.Exception is null ? string.Empty : "The check failed; see the service log.")));
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 3));
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value, value.GetType());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
