namespace SupplyGraph.Api.Hosting;

/// <summary>The GraphQL service: what <c>supplygraph serve</c> runs.</summary>
public static class SupplyGraphWebHost
{
    /// <summary>Builds the web application; <paramref name="args"/> are host settings (<c>--urls</c>, <c>--SupplyGraph:Port=5090</c>).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddSupplyGraphConfiguration();
        builder.AddSupplyGraphStore();
        builder.Services.AddSupplyGraphGraphQL();

        var app = builder.Build();
        app.MapSupplyGraphEndpoints();
        return app;
    }
}
