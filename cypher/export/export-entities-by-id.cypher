// Export around one entity, entities: the entities with the given ids (one page of the neighbourhood), in id
// order.
//
// :param ids => ['deepseek', 'deepseek-v3', 'high-flyer']

MATCH (entity:Entity)
WHERE entity.id IN $ids
RETURN entity
ORDER BY entity.id;
