// Entities whose id, name, an alias or a regulation's citation contains the text, in any case, optionally of some
// kinds; best matches first, as the service ranks them: exact matches, then prefixes, then word starts, then the
// rest, shorter names first. Ranked before the LIMIT, so no exact match is cut off by matches inside other names.
// $keys are the text's keys as the service makes them (ReferenceKeys): trimmed and upper-cased, and a Federal
// Register citation however written also as '88 FR 73458'.
//
// :param keys => ['88FR73458', '88 FR 73458']
// :param kinds => ['Regulation']
// :param limit => 2000

MATCH (entity:Entity)
WHERE $kinds IS NULL OR size($kinds) = 0 OR entity.kind IN $kinds
WITH entity, entity.nameKeys + coalesce(entity.citationKeys, []) AS entityKeys
WITH entity, CASE
    WHEN any(entityKey IN entityKeys WHERE entityKey IN $keys) THEN 0
    WHEN any(entityKey IN entityKeys WHERE any(key IN $keys WHERE entityKey STARTS WITH key)) THEN 1
    WHEN any(entityKey IN entityKeys WHERE any(key IN $keys WHERE entityKey CONTAINS ' ' + key OR entityKey CONTAINS '-' + key)) THEN 2
    WHEN any(entityKey IN entityKeys WHERE any(key IN $keys WHERE entityKey CONTAINS key)) THEN 3
  END AS rank
WHERE rank IS NOT NULL
RETURN entity
ORDER BY rank, size(entity.name), toUpper(entity.name), entity.id
LIMIT $limit;
