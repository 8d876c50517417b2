// Silicon to deployment: one entity's supply chain on $asOf, in stages from RAW_MATERIALS to DEPLOYMENT, as two walks
// from it of at most $maxHops steps each, every step a relationship valid on $asOf. The same entities in the same
// stages as the service's supplyChain on the seed dataset; the service also orders them (stage, then nearest, then
// name) and returns every relationship walked, with its evidence.
//
// Upstream, what the entity depends on (the relationship table in the top-level README): `-[:OPERATES|TRAINED_ON]->`
// from the dependent end, `<-[:SUPPLIES|FABRICATES|DESIGNS|HOSTS|DEVELOPS]-` to the upstream end; from the entity
// itself only (`here = focus`), also to its products, `-[:DESIGNS|DEVELOPS]->`, and to what it serves,
// `<-[:AVAILABLE_ON]-`. Downstream, what depends on it: `-[:SUPPLIES|FABRICATES|DESIGNS|HOSTS|DEVELOPS]->`,
// `<-[:OPERATES|TRAINED_ON]-`, ending at a platform that serves a model, `-[:AVAILABLE_ON]->`: deployment is where
// the chain ends, so a deployment platform is not walked on from. BACKED_BY is never walked: funding is not supply.
// A cloud provider is at DEPLOYMENT where it is reached downstream as a model's platform at its shortest distance
// (`servesModels`), else at COMPUTE; it can be in both stages, once from each walk.
// One difference from the service's walk, absent from the seed dataset: the service does not walk on from a cloud
// provider that a route reaches as a model's platform at the same distance as a supply route does; a pattern cannot
// make a step depend on another route's length, so here the supply route walks on (see cypher/README.md).
// Cypher takes no parameter as a quantifier's bound, so the patterns are bounded by the service's hard cap (16 steps)
// and $maxHops cuts the routes found.
//
// :param id => 'deepseek'
// :param asOf => date('2026-01-01')
// :param maxHops => 8

MATCH (focus:Entity {id: $id})
CALL (focus) {
  RETURN focus AS entity, 'focus' AS walk, 0 AS hops, false AS servesModels
  UNION
  MATCH route = ANY SHORTEST (focus)
      ((here:Entity)-[step]-(next:Entity)
        WHERE (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
          AND ((startNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON'])
            OR (endNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
            OR (here = focus AND ((startNode(step) = here AND type(step) IN ['DESIGNS', 'DEVELOPS'])
                               OR (endNode(step) = here AND type(step) IN ['AVAILABLE_ON']))))){1,16}
      (entity:Entity)
  WHERE entity <> focus AND length(route) <= $maxHops
  RETURN entity, 'upstream' AS walk, length(route) AS hops, false AS servesModels
  UNION
  MATCH route = ANY SHORTEST (focus)
      ((here:Entity)-[step]-(next:Entity)
        WHERE (step.validFrom IS NULL OR step.validFrom <= $asOf) AND (step.validTo IS NULL OR $asOf <= step.validTo)
          AND (here = focus OR here.category IS NULL OR here.category <> 'DEPLOYMENT_PLATFORM')
          AND ((startNode(step) = here AND type(step) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
            OR (endNode(step) = here AND type(step) IN ['OPERATES', 'TRAINED_ON']))){0,16}
      (walkedOnFrom:Entity)
      ((model:Entity)-[serving:AVAILABLE_ON]->(platform:Entity)
        WHERE (serving.validFrom IS NULL OR serving.validFrom <= $asOf) AND (serving.validTo IS NULL OR $asOf <= serving.validTo)){0,1}
      (entity:Entity)
  WHERE entity <> focus AND length(route) <= $maxHops
  // The shortest route that ends by serving the entity as a model's platform, if there is one.
  OPTIONAL MATCH served = ANY SHORTEST (focus)
      ((servedHere:Entity)-[servedStep]-(servedNext:Entity)
        WHERE (servedStep.validFrom IS NULL OR servedStep.validFrom <= $asOf) AND (servedStep.validTo IS NULL OR $asOf <= servedStep.validTo)
          AND (servedHere = focus OR servedHere.category IS NULL OR servedHere.category <> 'DEPLOYMENT_PLATFORM')
          AND ((startNode(servedStep) = servedHere AND type(servedStep) IN ['SUPPLIES', 'FABRICATES', 'DESIGNS', 'HOSTS', 'DEVELOPS'])
            OR (endNode(servedStep) = servedHere AND type(servedStep) IN ['OPERATES', 'TRAINED_ON']))){0,15}
      (servedModel:Entity)-[servedOn:AVAILABLE_ON
        WHERE (servedOn.validFrom IS NULL OR servedOn.validFrom <= $asOf) AND (servedOn.validTo IS NULL OR $asOf <= servedOn.validTo)]->
      (entity)
  RETURN entity, 'downstream' AS walk, length(route) AS hops, served IS NOT NULL AND length(served) = length(route) AS servesModels
}
WITH entity, walk, hops, CASE
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
WITH stage, entity, min(hops) AS hops, collect(DISTINCT walk) AS walks
RETURN stage, entity.id AS id, entity.name AS name, hops, walks, entity
ORDER BY [position IN range(0, 9) WHERE ['RAW_MATERIALS', 'EQUIPMENT', 'MANUFACTURING', 'CHIP_DESIGN', 'CHIPS', 'COMPUTE',
                                         'CAPITAL', 'LABS', 'MODELS', 'DEPLOYMENT'][position] = stage][0], hops, toLower(name), id;
