// Generated from the relationship table in src/SupplyGraph.Domain by WalkCypher; do not edit by hand.
// All shortest paths between two entities ($from, $to), along relationships in either direction, optionally
// over some $types only. Relationships not valid on the day, and regulations not in force on it, are left out.
// The service walks from $from until a level reaches $to (or the hard hop cap), then reads the shortest paths.
// One level of the walk. $frontier holds the entities reached at the level before (the start first), each with
// the walk it belongs to; the first part returns every relationship of each (valid or not: the service's walk
// looks at all of them), the ids at its ends, and in `follows` whether the walk goes on to the neighbour. The
// service sends the neighbours not seen yet as the next $frontier, up to maxHops + 1 levels (one more to tell
// whether the limit cut), so the work grows with the entities reached, never with the number of routes between
// them. The second part returns the entities of $fetch: each entity the walk met, once (the service asks for the
// ids met on the level before, and for the last level's with an empty frontier). $limit caps the relationships
// one level returns: the service reads a bounded amount per question and answers partial past it.

//
// :param frontier => [{id: 'hugging-face', walk: 'downstream', start: true}]
// :param fetch => []
// :param limit => 20000
// :param asOf => date('2025-06-01')
// :param types => null

UNWIND $frontier AS item
MATCH (here:Entity {id: item.id})-[step]-(next)
RETURN item.walk AS walk, step, startNode(step).id AS from, endNode(step).id AS to, next.id AS reached,
       (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
       AND (($types IS NULL OR type(step) IN $types) AND (NOT next:Regulation OR (next.effective <= $asOf AND (next.rescinded IS NULL OR $asOf < next.rescinded)))) AS follows,
       null AS entity
LIMIT $limit
UNION ALL
UNWIND $fetch AS id
MATCH (entity:Entity {id: id})
RETURN null AS walk, null AS step, null AS from, null AS to, null AS reached, false AS follows, entity;
