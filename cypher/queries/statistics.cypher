// How many entities and relationships the graph holds (the relationship count comes from Neo4j's count store):
// the counts the service's store statistics report.

MATCH (entity:Entity)
WITH count(entity) AS entities
CALL () {
  MATCH ()-[relationship]->()
  RETURN count(relationship) AS relationships
}
RETURN entities, relationships;
