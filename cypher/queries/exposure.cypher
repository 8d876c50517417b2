// Exposure, the reverse of export controls: every entity a regulation in force touches. Its subjects, all that
// depends on them downstream (ending at the platforms that serve an exposed model), and the owners
// (DEVELOPS, DESIGNS) of anything exposed.
// A dependency step follows each type's documented upstream end (see supply-chain.cypher).
// The service reads the paths from each exposed entity to the regulation, shortest first.
//
// :param id => 'us-bis-2023-10-advanced-computing'
// :param asOf => date('2025-06-01')
// :param maxHops => 8

MATCH (regulation:Regulation {id: $id})
WHERE regulation.effective <= $asOf AND (regulation.rescinded IS NULL OR $asOf < regulation.rescinded)
MATCH restriction = (subject)-[rule:RESTRICTED_BY]->(regulation)
WHERE (rule.validFrom IS NULL OR rule.validFrom <= $asOf) AND (rule.validTo IS NULL OR $asOf <= rule.validTo)
MATCH walk = (subject)((here)-[step:SUPPLIES|FABRICATES|DESIGNS|OPERATES|HOSTS|DEVELOPS|TRAINED_ON|BACKED_BY|AVAILABLE_ON]-(next)
    WHERE (startNode(step) = here) = (type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS', 'AVAILABLE_ON'])
      AND (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
  ){0,17}(exposed)
WHERE length(walk) + 1 <= $maxHops + 1
  AND none(served IN relationships(walk)[0..-1] WHERE type(served) = 'AVAILABLE_ON')
OPTIONAL MATCH ownership = (owner)-[owns:DESIGNS|DEVELOPS]->(exposed)
  WHERE (owns.validFrom IS NULL OR owns.validFrom <= $asOf) AND (owns.validTo IS NULL OR $asOf <= owns.validTo)
RETURN regulation, restriction, walk, ownership;
