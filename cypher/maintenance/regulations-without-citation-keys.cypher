// Regulations stored before citations resolved (or loaded by hand, or bulk-loaded from CSV) have no citationKeys.
// The service runs this at every start, a page at a time, makes each citation's keys (ReferenceKeys: the citation
// upper-cased, and each Federal Register citation in it as '88 FR 73458') and writes them with
// set-citation-keys.cypher, until no regulation is left without them.
//
// :param limit => 1000

MATCH (regulation:Regulation)
WHERE regulation.citationKeys IS NULL
RETURN regulation.id AS id, regulation.citation AS citation
ORDER BY id
LIMIT $limit;
