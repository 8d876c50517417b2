using SupplyGraph.Api.Tests.Infrastructure;

namespace SupplyGraph.Api.Tests.GraphQL;

public sealed class InternalErrorTests
{
    [Fact]
    public async Task A_store_failure_is_an_internal_error_without_its_message_or_stack_trace()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        using var client = factory.CreateClient();
        factory.Store.BeforeQuestion = (_, _) => throw new InvalidOperationException("connection string Password=hunter2");

        // act
        var response = await client.PostGraphQLAsync("{ supplyChain(entity: \"anything\") { partial } }");

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("INTERNAL_ERROR");
        error.GetProperty("extensions").EnumerateObject().Select(property => property.Name).Should().Equal("code");
        response.Text.Should().NotContain("hunter2").And.NotContain("InvalidOperationException").And.NotContain(" at ");
    }
}
