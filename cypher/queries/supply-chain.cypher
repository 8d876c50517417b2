// Generated from the relationship table in src/SupplyGraph.Domain by WalkCypher; do not edit by hand.
// Silicon to deployment: one entity's supply chain, as two walks from it.
// Upstream: what the entity and its own products (a lab's models, a designer's chips) depend on, transitively;
// from the start only, also what a platform serves (its own offering). Downstream: what depends on the entity,
// out to the platforms that serve its models (the walk ends there).
// A dependency step follows each type's documented upstream end (the relationship table in the README).
// The service groups the entities into stages, RAW_MATERIALS to DEPLOYMENT; here you see the graph.
// One level of the walk. $frontier holds the entities reached at the level before (the start first), each with
// the walk it belongs to; the first part returns every relationship of each (valid or not: the service's walk
// looks at all of them), the ids at its ends, and in `follows` whether the walk goes on to the neighbour. The
// service sends the neighbours not seen yet as the next $frontier, up to maxHops + 1 levels (one more to tell
// whether the limit cut), so the work grows with the entities reached, never with the number of routes between
// them. The second part returns the entities of $fetch: each entity the walk met, once (the service asks for the
// ids met on the level before, and for the last level's with an empty frontier). $limit caps the relationships
// one level returns: the service reads a bounded amount per question and answers partial past it.

//
// :param frontier => [{id: 'deepseek', walk: 'upstream', start: true}, {id: 'deepseek', walk: 'downstream', start: true}]
// :param fetch => []
// :param limit => 20000
// :param asOf => date('2025-06-01')

UNWIND $frontier AS item
MATCH (here:Entity {id: item.id})-[step]-(next)
RETURN item.walk AS walk, step, startNode(step).id AS from, endNode(step).id AS to, next.id AS reached,
       (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
       AND (CASE item.walk
         WHEN 'upstream' THEN (startNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON']) OR (endNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
                   OR (item.start AND ((startNode(step) = here AND type(step) IN ['DESIGNS', 'DEVELOPS']) OR (endNode(step) = here AND type(step) IN ['AVAILABLE_ON'])))
         WHEN 'downstream' THEN (startNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS']) OR (endNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON'])
         ELSE false
       END) AS follows,
       null AS entity
LIMIT $limit
UNION ALL
UNWIND $fetch AS id
MATCH (entity:Entity {id: id})
RETURN null AS walk, null AS step, null AS from, null AS to, null AS reached, false AS follows, entity;
