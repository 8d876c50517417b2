// All shortest paths between two entities ($from, $to) on $asOf, along relationships of any type in either
// direction (or of $types only, when it names some), at most $maxHops long. A relationship not valid on $asOf, or a
// regulation not in force on it, is on no path, not even at an end. The same paths' entities as the service's paths
// on the same graph; the service also keeps, where two relationships join the same two entities, the better
// established one, orders the paths, lists at most maxPaths and adds each relationship's evidence.
// Cypher takes no parameter as a quantifier's bound, so the pattern is bounded by the service's hard cap (16 steps)
// and $maxHops cuts the paths found.
//
// :param from => 'hugging-face'
// :param to => 'asml'
// :param asOf => date('2026-01-01')
// :param types => null
// :param maxHops => 8

MATCH (source:Entity {id: $from}), (target:Entity {id: $to})
WHERE (NOT source:Regulation OR (source.effective <= $asOf AND (source.rescinded IS NULL OR $asOf < source.rescinded)))
  AND (NOT target:Regulation OR (target.effective <= $asOf AND (target.rescinded IS NULL OR $asOf < target.rescinded)))
MATCH route = ALL SHORTEST (source)
    ((here:Entity)-[step]-(next:Entity)
      WHERE (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
        AND ($types IS NULL OR size($types) = 0 OR type(step) IN $types)
        AND (NOT next:Regulation OR (next.effective <= $asOf AND (next.rescinded IS NULL OR $asOf < next.rescinded)))){0,16}
    (target)
WHERE length(route) <= $maxHops
RETURN length(route) AS hops, [entity IN nodes(route) | entity.id] AS through, route
ORDER BY through;
