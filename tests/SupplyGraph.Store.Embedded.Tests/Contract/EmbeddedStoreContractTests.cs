using SupplyGraph.Store.Contract;

namespace SupplyGraph.Store.Embedded.Tests.Contract;

public sealed class EmbeddedStoreContractTests(EmbeddedStoreUnderTest store)
    : StoreContractTests(store), IClassFixture<EmbeddedStoreUnderTest>;
