// One entity with every relationship it takes part in, valid on $asOf (regulations only while in force): what an
// entity page shows. The same relationships as the service's profile; the service orders them by type and key.
//
// :param id => 'deepseek'
// :param asOf => date('2025-06-01')

MATCH (entity:Entity {id: $id})
OPTIONAL MATCH link = (entity)-[relationship]-(neighbour)
  WHERE (relationship.validFrom IS NULL OR relationship.validFrom <= $asOf)
    AND (relationship.validTo IS NULL OR $asOf <= relationship.validTo)
    AND (NOT neighbour:Regulation OR (neighbour.effective <= $asOf AND (neighbour.rescinded IS NULL OR $asOf < neighbour.rescinded)))
RETURN entity, link
ORDER BY neighbour.id;
