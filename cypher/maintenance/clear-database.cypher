// DELETES EVERY NODE AND RELATIONSHIP in the database it runs on.
// The Neo4j contract tests run it before each test on their own server or container; never run it on data you keep.

MATCH (entity)
DETACH DELETE entity;
