// Entities whose id, name or an alias contains the text, in any case, optionally of some kinds.
// The service ranks exact matches first, then prefixes, then word starts, then the rest.
//
// :param key => 'DEEPSEEK'   (the text trimmed and upper-cased, as the service does)
// :param kinds => ['Actor', 'Model']
// :param limit => 2000

MATCH (entity:Entity)
WHERE any(nameKey IN entity.nameKeys WHERE nameKey CONTAINS $key)
  AND ($kinds IS NULL OR size($kinds) = 0 OR entity.kind IN $kinds)
RETURN entity
ORDER BY entity.id
LIMIT $limit;
