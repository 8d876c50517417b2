// Export around one entity, one hop: the ids of every entity one relationship away (either direction) from the
// given ones. The service calls it once per hop with the ids first reached on the hop before (in pages), and
// keeps the set of ids it has seen, so each entity is expanded once.
//
// :param ids => ['deepseek']

UNWIND $ids AS id
MATCH (:Entity {id: id})--(neighbour:Entity)
RETURN DISTINCT neighbour.id AS id;
