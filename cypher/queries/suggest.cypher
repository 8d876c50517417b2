// Names close to a reference that resolved to nothing: fuzzy full-text matches, best first.
// The service ranks these candidates by edit distance and keeps the closest five.
//
// :param fuzzyQuery => 'deepsek~'
// :param limit => 50

CALL db.index.fulltext.queryNodes('entity_names', $fuzzyQuery) YIELD node, score
RETURN node AS entity
ORDER BY score DESC, entity.id
LIMIT $limit;
