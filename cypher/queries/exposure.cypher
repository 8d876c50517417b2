// Whom a regulation touches, the reverse of export controls: every entity whose export controls on $asOf include
// the regulation, within $maxHops steps of it, each with its shortest routes; nothing when the regulation is not in
// force on $asOf. The same entities as the service's exposure on the same graph; the service also orders them
// (nearest first, then by kind and name), lists longer routes after the shortest (up to maxPaths) and adds each
// relationship's evidence.
//
// From the regulation to its subjects, `<-[:RESTRICTED_BY]-`, then downstream of them (the relationship table in the
// top-level README): `-[:SUPPLIES|FABRICATES|DESIGNS|HOSTS|DEVELOPS]->` to the dependent end,
// `<-[:OPERATES|TRAINED_ON]-` from it. Two last steps end the walk, reached but not walked on from: a platform that
// serves an exposed model, `-[:AVAILABLE_ON]->`, and the owner of an exposed product, `<-[:DESIGNS|DEVELOPS]-`.
// BACKED_BY is never walked: funding is not supply. Every step is a relationship valid on $asOf. Cypher takes no
// parameter as a quantifier's bound, so the pattern is bounded by the service's hard cap (16 steps) and $maxHops
// cuts the routes found.
//
// :param id => 'us-bis-2023-10-advanced-computing'
// :param asOf => date('2026-01-01')
// :param maxHops => 8

MATCH (regulation:Regulation {id: $id})
WHERE regulation.effective <= $asOf AND (regulation.rescinded IS NULL OR $asOf < regulation.rescinded)
MATCH route = ALL SHORTEST (regulation)<-[restriction:RESTRICTED_BY
      WHERE (restriction.validFrom IS NULL OR restriction.validFrom <= $asOf) AND (restriction.validTo IS NULL OR $asOf <= restriction.validTo)]-
    (subject:Entity)
    ((here:Entity)-[step]-(next:Entity)
      WHERE (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
        AND ((startNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
          OR (endNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON']))){0,15}
    (walkedOnFrom:Entity)
    ((last:Entity)-[lastStep]-(end:Entity)
      WHERE (lastStep.validFrom IS NULL OR lastStep.validFrom <= $asOf) AND (lastStep.validTo IS NULL OR $asOf <= lastStep.validTo)
        AND ((startNode(lastStep) = last AND type(lastStep) IN ['AVAILABLE_ON'])
          OR (endNode(lastStep) = last AND type(lastStep) IN ['DESIGNS', 'DEVELOPS']))){0,1}
    (exposed:Entity)
WHERE length(route) <= $maxHops
RETURN exposed.id AS exposed, exposed.kind AS kind, exposed.name AS name,
       length(route) AS hops, [entity IN nodes(route) | entity.id] AS through, route
ORDER BY hops, kind, name, through;
