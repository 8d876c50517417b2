// Which export rules touch an entity: every regulation in force on $asOf that restricts the entity, one of its own
// products (a lab's models, a designer's chips), a model it serves (a platform's own offering), or anything upstream
// of them, within $maxHops steps, each with its shortest routes. The same regulations as the service's
// exportControls on the same graph; the service also orders them, lists longer routes after the shortest (up to
// maxPaths) and adds each relationship's evidence.
//
// The walk goes upstream (the relationship table in the top-level README): `-[:OPERATES|TRAINED_ON]->` from the
// dependent end, `<-[:SUPPLIES|FABRICATES|DESIGNS|HOSTS|DEVELOPS]-` to the upstream end. From the entity itself only
// (`here = focus`), also to its products, `-[:DESIGNS|DEVELOPS]->`, and to what it serves, `<-[:AVAILABLE_ON]-`.
// BACKED_BY is never walked: funding is not supply. Every step is a relationship valid on $asOf; the last step is
// a RESTRICTED_BY valid on $asOf to a regulation in force on it. Cypher takes no parameter as a quantifier's bound,
// so the pattern is bounded by the service's hard cap (16 steps) and $maxHops cuts the routes found.
//
// :param id => 'deepseek'
// :param asOf => date('2026-01-01')
// :param maxHops => 8

MATCH (focus:Entity {id: $id})
MATCH route = ALL SHORTEST (focus)
    ((here:Entity)-[step]-(next:Entity)
      WHERE (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
        AND ((startNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON'])
          OR (endNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
          OR (here = focus AND ((startNode(step) = here AND type(step) IN ['DESIGNS', 'DEVELOPS'])
                             OR (endNode(step) = here AND type(step) IN ['AVAILABLE_ON']))))){0,15}
    (subject:Entity)-[restriction:RESTRICTED_BY
      WHERE (restriction.validFrom IS NULL OR restriction.validFrom <= $asOf) AND (restriction.validTo IS NULL OR $asOf <= restriction.validTo)]->
    (regulation:Regulation WHERE regulation.effective <= $asOf AND (regulation.rescinded IS NULL OR $asOf < regulation.rescinded))
WHERE length(route) <= $maxHops
RETURN regulation.id AS regulation, regulation.citation AS citation, regulation.effective AS effective,
       length(route) AS hops, [entity IN nodes(route) | entity.id] AS through, route
ORDER BY hops, effective, regulation, through;
