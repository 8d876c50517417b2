// The service's projection of the graph, one page at a time: entities in id order after the last id of the page
// before ('' for the first), each with the relationships it starts and the id at their other end. The page is cut
// by the entity id index, so each page costs its own size; a page ordered by relationship id would scan every
// relationship each time (the plan of the recorded Query API exchange 86). The service reads pages until one comes
// back short, then walks the projection in process (src/SupplyGraph.Store.Neo4j/Projection).
//
// :param after => ''
// :param pageSize => 2000

MATCH (entity:Entity)
WHERE entity.id > $after
WITH entity
ORDER BY entity.id
LIMIT $pageSize
OPTIONAL MATCH (entity)-[relationship]->(target:Entity)
WITH entity, collect(CASE WHEN relationship IS NULL THEN NULL ELSE {
  type: type(relationship), to: target.id, key: relationship.key, validFrom: relationship.validFrom,
  validTo: relationship.validTo, status: relationship.status, note: relationship.note, sources: relationship.sources
} END) AS outgoing
RETURN entity, outgoing
ORDER BY entity.id;
