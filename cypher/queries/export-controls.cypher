// Which export rules touch an entity: every regulation in force that restricts the entity, one of its own
// products (a lab's models, a designer's chips) or served models (a platform's), or anything upstream of them,
// with the walks that explain it.
// A dependency step follows each type's documented upstream end (see supply-chain.cypher).
// The service reads the paths from the entity to each regulation, shortest first.
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
  ){0,17}(subject)
WHERE length(walk) + CASE WHEN start = focus THEN 0 ELSE 1 END <= $maxHops + 1
OPTIONAL MATCH restriction = (subject)-[rule:RESTRICTED_BY]->(regulation:Regulation)
  WHERE (rule.validFrom IS NULL OR rule.validFrom <= $asOf) AND (rule.validTo IS NULL OR $asOf <= rule.validTo)
    AND regulation.effective <= $asOf AND (regulation.rescinded IS NULL OR $asOf < regulation.rescinded)
RETURN focus, serving, walk, restriction;
