// Resolve an entity reference: its id, or its name or an alias in any case.
// The service takes an exact id first, then a name over an alias; two or more left is an ambiguity.
//
// :param ref => 'DeepSeek AI'
// :param key => 'DEEPSEEK AI'   (the reference trimmed and upper-cased, as the service does)

MATCH (entity:Entity)
WHERE entity.id = trim($ref) OR $key IN entity.nameKeys
RETURN entity
ORDER BY entity.id;
