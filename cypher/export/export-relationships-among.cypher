// Export around one entity, relationships: every relationship between two of the given entities, one page in
// key order, paged as export-relationships.cypher is (after the last key and element id of the page before).
//
// :param ids => ['deepseek', 'deepseek-v3', 'high-flyer']
// :param afterKey => ''
// :param afterElementId => ''
// :param pageSize => 1000

MATCH (source:Entity)-[relationship]->(target:Entity)
WHERE source.id IN $ids AND target.id IN $ids
WITH source, relationship, target,
     coalesce(relationship.key, source.id + '/' + type(relationship) + '/' + target.id) AS key,
     elementId(relationship) AS element
WHERE key > $afterKey OR (key = $afterKey AND element > $afterElementId)
RETURN source.id AS from, relationship, target.id AS to, key, element
ORDER BY key, element
LIMIT $pageSize;
