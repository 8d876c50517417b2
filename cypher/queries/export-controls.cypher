// Generated from the relationship table in src/SupplyGraph.Domain by WalkCypher; do not edit by hand.
// Which export rules touch an entity: every regulation in force that restricts the entity, one of its own
// products (a lab's models, a designer's chips) or served models (a platform's), or anything upstream of them.
// The walk goes upstream (see supply-chain.cypher); a RESTRICTED_BY relationship of anything reached names a
// regulation, and the service keeps those in force, with the routes that explain them, shortest first.
// One level of the walk. $frontier holds the entities reached at the level before (the start first), each with
// the walk it belongs to; the first part returns every relationship of each (valid or not: the service's walk
// looks at all of them), the ids at its ends, and in `follows` whether the walk goes on to the neighbour. The
// service sends the neighbours not seen yet as the next $frontier, up to maxHops + 1 levels (one more to tell
// whether the limit cut), so the work grows with the entities reached, never with the number of routes between
// them. The second part returns the entities of $fetch: each entity the walk met, once (the service asks for the
// ids met on the level before, and for the last level's with an empty frontier). $limit caps the relationships
// one level returns: the service reads a bounded amount per question and answers partial past it.

//
// :param frontier => [{id: 'deepseek', walk: 'upstream', start: true}]
// :param fetch => []
// :param limit => 20000
// :param asOf => date('2025-06-01')

UNWIND $frontier AS item
MATCH (here:Entity {id: item.id})-[step]-(next)
RETURN item.walk AS walk, step, startNode(step).id AS from, endNode(step).id AS to, next.id AS reached,
       (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
       AND ((startNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON']) OR (endNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
                   OR (item.start AND ((startNode(step) = here AND type(step) IN ['DESIGNS', 'DEVELOPS']) OR (endNode(step) = here AND type(step) IN ['AVAILABLE_ON'])))) AS follows,
       null AS entity
LIMIT $limit
UNION ALL
UNWIND $fetch AS id
MATCH (entity:Entity {id: id})
RETURN null AS walk, null AS step, null AS from, null AS to, null AS reached, false AS follows, entity;
