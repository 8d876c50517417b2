// Export of the whole graph, relationships: one page in key order, after the last row of the page before
// ('' and '' for the first). A key is unique only per ends and type in Neo4j (MERGE keeps it so; no constraint
// spans types), so the element id breaks ties and no row is skipped at a page boundary. A relationship without
// a key (added by hand) gets the dataset's default key, from/TYPE/to, as the service reads it.
//
// :param afterKey => ''
// :param afterElementId => ''
// :param pageSize => 1000

MATCH (source:Entity)-[relationship]->(target:Entity)
WITH source, relationship, target,
     coalesce(relationship.key, source.id + '/' + type(relationship) + '/' + target.id) AS key,
     elementId(relationship) AS element
WHERE key > $afterKey OR (key = $afterKey AND element > $afterElementId)
RETURN source.id AS from, relationship, target.id AS to, key, element
ORDER BY key, element
LIMIT $pageSize;
