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

public sealed class StoreErrorTests
{
    [Fact]
    public async Task A_store_error_surfaces_with_its_code_and_message()
    {
        // arrange
        await using var factory = new SupplyGraphApiFactory();
        using var client = factory.CreateClient();
        factory.Store.BeforeQuestion = (_, _) => throw new SupplyGraph.Domain.Stores.StoreErrorException(
            "Neo.TransientError.General.DatabaseUnavailable", "The database is not currently available to serve your request.", isRetryable: true);

        // act
        var response = await client.PostGraphQLAsync("{ exportControls(entity: \"anything\") { partial } }");

        // assert
        var error = response.SingleError();
        error.Code().Should().Be("STORE_ERROR");
        error.Extension("storeCode").Should().Be("Neo.TransientError.General.DatabaseUnavailable");
        error.GetProperty("message").GetString().Should().Contain("not currently available");
        response.Status.Should().Be(System.Net.HttpStatusCode.OK, "a field error with data is 200 under graphql-response+json");
    }
}
