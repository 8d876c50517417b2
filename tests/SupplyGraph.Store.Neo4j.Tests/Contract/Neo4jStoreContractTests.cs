using SupplyGraph.Store.Contract;

namespace SupplyGraph.Store.Neo4j.Tests.Contract;

/// <summary>The store contract on a real Neo4j server (or skipped, with the reason, where there is none).</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jStoreContractTests(Neo4jServerFixture server) : StoreContractTests(server);
