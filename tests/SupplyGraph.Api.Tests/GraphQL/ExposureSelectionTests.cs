using System.Reflection;
using System.Text.Json;
using SupplyGraph.Api.Tests.Infrastructure;
using SupplyGraph.Domain.Questions;
using SupplyGraph.Domain.Stores;
using SupplyGraph.Store.Embedded;

namespace SupplyGraph.Api.Tests.GraphQL;

/// <summary>
/// An exposure query that does not select the paths asks the store for none, and gets the same entities, the same
/// <c>partial</c> and the same exploration as one that does; a fragment selecting them counts as selecting them.
/// </summary>
public sealed class ExposureSelectionTests
{
    private const string Answer = """partial explored { relationships entities depth cutBy } exposed { entity { id } """;

    [Fact]
    public async Task Paths_are_asked_for_only_when_selected_and_the_rest_of_the_answer_is_the_same()
    {
        // arrange
        var asked = new List<ExposureQuestion>();
        await using var factory = new SupplyGraphApiFactory(
            seedOnEmptyStore: true,
            store: _ => RecordingStore.Wrap(new EmbeddedGraphStore(new EmbeddedStoreOptions { InMemory = true }), asked));
        using var client = factory.CreateClient();
        const string exposure = """exposure(regulation: "88 FR 73458", asOf: "2025-01-01", maxPaths: 2)""";

        // act
        var withPaths = await client.PostGraphQLAsync($$"""{ {{exposure}} { {{Answer}} paths { length } } } }""");
        var withoutPaths = await client.PostGraphQLAsync($$"""{ {{exposure}} { {{Answer}} } } }""");
        var throughFragment = await client.PostGraphQLAsync(
            $$"""{ {{exposure}} { {{Answer}} ...evidence } } } fragment evidence on ExposedEntity { ... on ExposedEntity { paths { length } } }""");

        // assert
        withPaths.Errors.Should().BeEmpty(withPaths.Text);
        withoutPaths.Errors.Should().BeEmpty(withoutPaths.Text);
        throughFragment.Errors.Should().BeEmpty(throughFragment.Text);
        asked.Select(question => question.WithPaths).Should().Equal(true, false, true);
        var listed = withPaths.Data.GetProperty("exposure").Items("exposed");
        listed.Should().NotBeEmpty().And.Contain(item => item.Items("paths").Count > 0);
        Without(withPaths, "paths").Should().Be(Without(withoutPaths, "paths"));
        throughFragment.Data.GetRawText().Should().Be(withPaths.Data.GetRawText());
    }

    /// <summary>The answer as text, each exposed entity without <paramref name="field"/>.</summary>
    private static string Without(GraphQLResponse response, string field)
    {
        var exposure = response.Data.GetProperty("exposure");
        var exposed = exposure.Items("exposed").Select(item => item.EnumerateObject().Where(property => property.Name != field)
            .ToDictionary(property => property.Name, property => property.Value.GetRawText()));
        return JsonSerializer.Serialize(new
        {
            partial = exposure.GetProperty("partial").GetRawText(),
            explored = exposure.GetProperty("explored").GetRawText(),
            exposed,
        });
    }

    /// <summary>A store that records every exposure question it is asked, and passes every call on.</summary>
    public class RecordingStore : DispatchProxy
    {
        private ISupplyGraphStore inner = null!;
        private List<ExposureQuestion> asked = null!;

        public static ISupplyGraphStore Wrap(ISupplyGraphStore inner, List<ExposureQuestion> asked)
        {
            var proxy = Create<ISupplyGraphStore, RecordingStore>();
            var recording = (RecordingStore)(object)proxy;
            recording.inner = inner;
            recording.asked = asked;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (args is [ExposureQuestion question, ..])
            {
                lock (asked)
                {
                    asked.Add(question);
                }
            }

            try
            {
                return targetMethod.Invoke(inner, args);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invocation.InnerException);
                throw;
            }
        }
    }
}
