// Silicon to deployment: the relationships of one entity's supply chain.
// Upstream: what the entity and its own products (a lab's models, a designer's chips) depend on, transitively.
// Downstream: what depends on the entity, out to the platforms that serve its models (the walk stops there).
// A dependency step follows each type's documented upstream end: SUPPLIES, FABRICATES, DESIGNS, HOSTS, DEVELOPS
// and AVAILABLE_ON point from upstream to downstream; OPERATES, TRAINED_ON and BACKED_BY point the other way.
// What a platform serves (AVAILABLE_ON) is its own offering: part of the scope of the platform itself, never
// walked through; downstream, the walk ends at the platform.
// The service groups the entities into stages, in order from RAW_MATERIALS to DEPLOYMENT; here you see the graph.
// Walks reach one hop past maxHops so the service can tell whether the limit cut the answer.
//
// :param id => 'deepseek'
// :param asOf => date('2025-06-01')
// :param maxHops => 8

MATCH (focus:Entity {id: $id})
OPTIONAL MATCH (focus)-[owns:DESIGNS|DEVELOPS]->(product)
  WHERE (owns.validFrom IS NULL OR owns.validFrom <= $asOf) AND (owns.validTo IS NULL OR $asOf <= owns.validTo)
WITH focus, collect(product) AS products
OPTIONAL MATCH (focus)<-[serves:AVAILABLE_ON]-(served)
  WHERE (serves.validFrom IS NULL OR serves.validFrom <= $asOf) AND (serves.validTo IS NULL OR $asOf <= serves.validTo)
WITH focus, products, collect(serves) AS serving, collect(served) AS servedModels
UNWIND [focus] + products + servedModels AS start
MATCH walk = (start)((here)-[step:SUPPLIES|FABRICATES|DESIGNS|OPERATES|HOSTS|DEVELOPS|TRAINED_ON|BACKED_BY]-(next)
    WHERE (startNode(step) = next) = (type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
      AND (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
  ){0,17}(upstream)
WHERE length(walk) + CASE WHEN start = focus THEN 0 ELSE 1 END <= $maxHops + 1
RETURN focus, serving, walk
UNION
MATCH (focus:Entity {id: $id})
MATCH walk = (focus)((here)-[step:SUPPLIES|FABRICATES|DESIGNS|OPERATES|HOSTS|DEVELOPS|TRAINED_ON|BACKED_BY|AVAILABLE_ON]-(next)
    WHERE (startNode(step) = here) = (type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS', 'AVAILABLE_ON'])
      AND (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
  ){0,17}(downstream)
WHERE length(walk) <= $maxHops + 1
  AND none(stop IN nodes(walk)[1..-1] WHERE coalesce(stop.category, '') = 'DEPLOYMENT_PLATFORM')
  AND none(served IN relationships(walk)[0..-1] WHERE type(served) = 'AVAILABLE_ON')
RETURN focus, [] AS serving, walk;
