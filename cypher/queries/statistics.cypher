// How many entities and relationships the graph holds.

MATCH (entity:Entity)
WITH count(entity) AS entities
OPTIONAL MATCH (:Entity)-[relationship]->(:Entity)
RETURN entities, count(relationship) AS relationships;
