using System.Diagnostics;
using System.Globalization;
using GraphQL;
using GraphQL.Instrumentation;
using SupplyGraph.Domain.Questions;
using Tags = SupplyGraph.Api.Telemetry.SupplyGraphTelemetry.Tags;

namespace SupplyGraph.Api.Telemetry;

/// <summary>
/// A span and an answer count per question, i.e. per root field of a query (<c>supplyChain</c>, <c>paths</c>...).
/// Every other field passes straight through: one reference comparison, no allocation.
/// </summary>
internal sealed class QuestionTelemetryMiddleware(SupplyGraphMetrics metrics) : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Parent is not null || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return next(context);
        }

        return metrics.TracesQuestions || metrics.AnswersEnabled ? ObservedAsync(context, next) : next(context);
    }

    private async ValueTask<object?> ObservedAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        // Started here, in the async method, so that it stops being Activity.Current when the question is answered.
        using var activity = SupplyGraphTelemetry.Source.StartActivity(SupplyGraphTelemetry.QuestionSpan);
        var question = context.FieldDefinition.Name;
        if (activity is not null)
        {
            activity.DisplayName = $"{SupplyGraphTelemetry.QuestionSpan} {question}";
            activity.SetTag(Tags.Question, question);
            activity.SetTag(Tags.Store, metrics.StoreName);
            activity.SetTag(Tags.Entity, Argument(context, "entity") ?? Argument(context, "ref") ?? Argument(context, "regulation") ?? Argument(context, "from") ?? Argument(context, "text"));
            activity.SetTag(Tags.To, Argument(context, "to"));
        }

        try
        {
            var answer = await next(context);
            var (asOf, explored) = Describe(answer);
            var partial = explored?.Partial ?? false;
            metrics.CountAnswer(question, partial ? "partial" : "complete");
            if (activity is not null)
            {
                activity.SetTag(Tags.AsOf, asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                activity.SetTag(Tags.Partial, partial);
                if (explored is not null)
                {
                    activity.SetTag(Tags.ExploredRelationships, explored.Relationships);
                    activity.SetTag(Tags.ExploredEntities, explored.Entities);
                }
            }

            return answer;
        }
        catch (Exception exception)
        {
            metrics.CountAnswer(question, "failed");
            activity?.SetTag(Tags.ErrorType, exception.GetType().Name);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    // The argument as the client wrote it, if the field has one of that name: a question's subject is a string.
    private static string? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value as string : null;

    // The day answered (the store's today when the client gave none) and how much was explored, from the answer itself.
    private static (DateOnly? AsOf, Exploration? Explored) Describe(object? answer) => answer switch
    {
        EntityProfile profile => (profile.AsOf, null),
        SupplyChainAnswer chain => (chain.AsOf, chain.Explored),
        ExportControlsAnswer controls => (controls.AsOf, controls.Explored),
        ExposureAnswer exposure => (exposure.AsOf, exposure.Explored),
        PathAnswer paths => (paths.AsOf, paths.Explored),
        _ => (null, null),
    };
}
