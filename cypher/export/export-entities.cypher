// Export of the whole graph, entities: one page in id order, after the last id of the page before ('' for the
// first). The service asks for pages until one comes back short, so no single response holds the whole graph;
// ids are unique (constraint entity_id), so the id alone says where the next page starts.
//
// :param after => ''
// :param pageSize => 1000

MATCH (entity:Entity)
WHERE entity.id > $after
RETURN entity
ORDER BY entity.id
LIMIT $pageSize;
