// Export around one entity, one hop: the ids of every entity one relationship away (either direction) from the
// given ones, a page at a time in id order, after the last id of the page before ('' for the first). The service
// calls it per hop with the ids first reached on the hop before, and keeps the set of ids it has seen, so each
// entity is expanded once and a hub's many neighbours still come a page at a time.
//
// :param ids => ['deepseek']
// :param after => ''
// :param pageSize => 1000

UNWIND $ids AS id
MATCH (:Entity {id: id})--(neighbour:Entity)
WITH DISTINCT neighbour.id AS neighbourId
WHERE neighbourId > $after
RETURN neighbourId AS id
ORDER BY id
LIMIT $pageSize;
