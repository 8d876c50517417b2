using SupplyGraph.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddSupplyGraphConfiguration();
builder.AddSupplyGraphStore();
builder.Services.AddSupplyGraphGraphQL();

var app = builder.Build();

app.MapSupplyGraphEndpoints();

app.Run();

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
