// All shortest paths between two entities, along relationships in either direction, optionally over some types.
// Relationships not valid on the day, and regulations not in force on it, are left out.
//
// :param from => 'hugging-face'
// :param to => 'asml'
// :param types => null
// :param asOf => date('2025-06-01')
// :param maxHops => 8

MATCH (source:Entity {id: $from})
MATCH (target:Entity {id: $to})
MATCH route = allShortestPaths((source)-[*..17]-(target))
WHERE all(step IN relationships(route) WHERE ($types IS NULL OR type(step) IN $types)
        AND (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo))
  AND all(stop IN nodes(route) WHERE NOT stop:Regulation
        OR (stop.effective <= $asOf AND (stop.rescinded IS NULL OR $asOf < stop.rescinded)))
RETURN source, target, route;
