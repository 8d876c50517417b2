// Resolve an entity reference: its id, or its name, an alias or a regulation's citation in any case.
// The service takes an exact id first, then a name over an alias or citation; two or more left is an ambiguity.
// $keys are the reference's keys as the service makes them (ReferenceKeys): trimmed and upper-cased, and a
// Federal Register citation however written ("88fr73458", "88 F.R. 73458") also as '88 FR 73458'.
//
// :param ref => '88 F.R. 73458'
// :param keys => ['88 F.R. 73458', '88 FR 73458']

MATCH (entity:Entity)
WHERE entity.id = trim($ref)
   OR any(key IN $keys WHERE key IN entity.nameKeys OR key IN coalesce(entity.citationKeys, []))
RETURN entity
ORDER BY entity.id;
