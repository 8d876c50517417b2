using SupplyGraph.Benchmarks;

return await BenchmarkCommands.RunAsync(args);
