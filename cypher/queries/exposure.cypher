// Generated from the relationship table in src/SupplyGraph.Domain by WalkCypher; do not edit by hand.
// Exposure, the reverse of export controls: every entity a regulation in force touches. From the regulation
// (the start) to its subjects, then downstream of them (see supply-chain.cypher), ending at the platforms that
// serve an exposed model; the owners (DEVELOPS, DESIGNS) of anything exposed are reached, not walked on from.
// One level of the walk. $frontier holds the entities reached at the level before (the start first), each with
// the walk it belongs to; the first part returns every relationship of each (valid or not: the service's walk
// looks at all of them), the ids at its ends, and in `follows` whether the walk goes on to the neighbour. The
// service sends the neighbours not seen yet as the next $frontier, up to maxHops + 1 levels (one more to tell
// whether the limit cut), so the work grows with the entities reached, never with the number of routes between
// them. The second part returns the entities of $fetch: each entity the walk met, once (the service asks for the
// ids met on the level before, and for the last level's with an empty frontier). $limit caps the relationships
// one level returns: the service reads a bounded amount per question and answers partial past it.

//
// :param frontier => [{id: 'us-bis-2023-10-advanced-computing', walk: 'downstream', start: true}]
// :param fetch => []
// :param limit => 20000
// :param asOf => date('2025-06-01')

UNWIND $frontier AS item
MATCH (here:Entity {id: item.id})-[step]-(next)
RETURN item.walk AS walk, step, startNode(step).id AS from, endNode(step).id AS to, next.id AS reached,
       (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
       AND (CASE WHEN item.start
         THEN here.effective <= $asOf AND (here.rescinded IS NULL OR $asOf < here.rescinded) AND endNode(step) = here AND type(step) IN ['RESTRICTED_BY']
         ELSE (startNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS']) OR (endNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON'])
       END) AS follows,
       null AS entity
LIMIT $limit
UNION ALL
UNWIND $fetch AS id
MATCH (entity:Entity {id: id})
RETURN null AS walk, null AS step, null AS from, null AS to, null AS reached, false AS follows, entity;
