// What changed around an entity between two days: the supply-chain members (stage and entity) and the export rules
// in the answers on $to and not on $from (ENTERED), and the reverse (LEFT). Each day's members are those of
// supply-chain.cypher on that day and its rules those of export-controls.cypher, both within $maxHops steps, so the
// rows are the service's changes(entity, from, to) on the same graph: its entered and left entities (each in its
// stage) and regulations. The service also lists the supply chain's relationships that entered and left, with their
// evidence; compare those with supply-chain.cypher's routes on the two days. $from after $to is refused by the
// service; here it only swaps ENTERED and LEFT.
//
// The walks are those of supply-chain.cypher and export-controls.cypher (see their headers), with the day of each
// row, `day`, in place of $asOf: upstream `-[:OPERATES|TRAINED_ON]->` from the dependent end,
// `<-[:SUPPLIES|FABRICATES|DESIGNS|HOSTS|DEVELOPS]-` to the upstream end, from the entity itself also to its products
// `-[:DESIGNS|DEVELOPS]->` and what it serves `<-[:AVAILABLE_ON]-`; downstream the reverse, ending at a platform
// that serves a model. BACKED_BY is never walked: funding is not supply. A member or rule found on one day only
// is a change; one found on both, or asked with $from = $to, is not.
//
// :param id => 'deepseek'
// :param from => date('2023-06-01')
// :param to => date('2026-01-01')
// :param maxHops => 8

MATCH (focus:Entity {id: $id})
UNWIND [$from, $to] AS day
CALL (focus, day) {
  CALL (focus, day) {
    RETURN focus AS entity, false AS servesModels
    UNION
    MATCH route = ANY SHORTEST (focus)
        ((here:Entity)-[step]-(next:Entity)
          WHERE (step.validFrom IS NULL OR step.validFrom <= day) AND (step.validTo IS NULL OR day <= step.validTo)
            AND ((startNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON'])
              OR (endNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
              OR (here = focus AND ((startNode(step) = here AND type(step) IN ['DESIGNS', 'DEVELOPS'])
                                 OR (endNode(step) = here AND type(step) IN ['AVAILABLE_ON']))))){1,16}
        (entity:Entity)
    WHERE entity <> focus AND length(route) <= $maxHops
    RETURN entity, false AS servesModels
    UNION
    MATCH route = ANY SHORTEST (focus)
        ((here:Entity)-[step]-(next:Entity)
          WHERE (step.validFrom IS NULL OR step.validFrom <= day) AND (step.validTo IS NULL OR day <= step.validTo)
            AND (here = focus OR here.category IS NULL OR here.category <> 'DEPLOYMENT_PLATFORM')
            AND ((startNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
              OR (endNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON']))){0,16}
        (walkedOnFrom:Entity)
        ((model:Entity)-[serving:AVAILABLE_ON]->(platform:Entity)
          WHERE (serving.validFrom IS NULL OR serving.validFrom <= day) AND (serving.validTo IS NULL OR day <= serving.validTo)){0,1}
        (entity:Entity)
    WHERE entity <> focus AND length(route) <= $maxHops
    // The shortest route that ends by serving the entity as a model's platform, if there is one.
    OPTIONAL MATCH served = ANY SHORTEST (focus)
        ((servedHere:Entity)-[servedStep]-(servedNext:Entity)
          WHERE (servedStep.validFrom IS NULL OR servedStep.validFrom <= day) AND (servedStep.validTo IS NULL OR day <= servedStep.validTo)
            AND (servedHere = focus OR servedHere.category IS NULL OR servedHere.category <> 'DEPLOYMENT_PLATFORM')
            AND ((startNode(servedStep) = servedHere AND type(servedStep) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
              OR (endNode(servedStep) = servedHere AND type(servedStep) IN ['OPERATES', 'TRAINED_ON']))){0,15}
        (servedModel:Entity)-[servedOn:AVAILABLE_ON
          WHERE (servedOn.validFrom IS NULL OR servedOn.validFrom <= day) AND (servedOn.validTo IS NULL OR day <= servedOn.validTo)]->
        (entity)
    RETURN entity, served IS NOT NULL AND length(served) = length(route) AS servesModels
  }
  WITH entity, CASE
      WHEN entity:Chip THEN 'CHIPS'
      WHEN entity:Model THEN 'MODELS'
      WHEN entity:Actor THEN CASE entity.category
        WHEN 'RAW_MATERIALS' THEN 'RAW_MATERIALS'
        WHEN 'EQUIPMENT' THEN 'EQUIPMENT'
        WHEN 'FOUNDRY' THEN 'MANUFACTURING'
        WHEN 'MEMORY' THEN 'MANUFACTURING'
        WHEN 'CHIP_DESIGNER' THEN 'CHIP_DESIGN'
        WHEN 'CLOUD_PROVIDER' THEN CASE WHEN servesModels THEN 'DEPLOYMENT' ELSE 'COMPUTE' END
        WHEN 'INVESTOR' THEN 'CAPITAL'
        WHEN 'AI_LAB' THEN 'LABS'
        WHEN 'DEPLOYMENT_PLATFORM' THEN 'DEPLOYMENT'
      END
    END AS stage
  // Regulators and regulations are in no stage.
  WHERE stage IS NOT NULL
  RETURN DISTINCT 'ENTITY' AS kind, stage, entity.id AS id, entity.name AS name
  UNION
  MATCH route = ANY SHORTEST (focus)
      ((here:Entity)-[step]-(next:Entity)
        WHERE (step.validFrom IS NULL OR step.validFrom <= day) AND (step.validTo IS NULL OR day <= step.validTo)
          AND ((startNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON'])
            OR (endNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
            OR (here = focus AND ((startNode(step) = here AND type(step) IN ['DESIGNS', 'DEVELOPS'])
                               OR (endNode(step) = here AND type(step) IN ['AVAILABLE_ON']))))){0,15}
      (subject:Entity)-[restriction:RESTRICTED_BY
        WHERE (restriction.validFrom IS NULL OR restriction.validFrom <= day) AND (restriction.validTo IS NULL OR day <= restriction.validTo)]->
      (regulation:Regulation WHERE regulation.effective <= day AND (regulation.rescinded IS NULL OR day < regulation.rescinded))
  WHERE length(route) <= $maxHops
  RETURN DISTINCT 'REGULATION' AS kind, null AS stage, regulation.id AS id, regulation.citation AS name
}
// One row per day it was found on: found on one day only is a change (with $from = $to, every row is found twice).
WITH kind, stage, id, name, collect(day) AS days
WHERE size(days) = 1
RETURN CASE WHEN days[0] = $to THEN 'ENTERED' ELSE 'LEFT' END AS change, kind, stage, id, name
ORDER BY change, kind, [position IN range(0, 9) WHERE ['RAW_MATERIALS', 'EQUIPMENT', 'MANUFACTURING', 'CHIP_DESIGN', 'CHIPS', 'COMPUTE',
                                                       'CAPITAL', 'LABS', 'MODELS', 'DEPLOYMENT'][position] = stage][0], toLower(name), id;
