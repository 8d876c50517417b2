// DELETES EVERY NODE AND RELATIONSHIP in the database it runs on.
// The Neo4j contract tests run it before each test on their own server or container, and the benchmark harness
// before an import; never run it on data you keep. Deletes in batches, so a large graph needs no large heap
// (run it as an auto-commit statement: in Neo4j Browser, prefix it with :auto).

MATCH (entity)
CALL (entity) { DETACH DELETE entity } IN TRANSACTIONS OF 10000 ROWS;
