// Writes the citation keys the service made for regulations without them (see regulations-without-citation-keys.cypher).
// $rows: [{id, citationKeys}]. Returns how many regulations were written.
//
// :param rows => [{id: 'us-bis-2023-10-advanced-computing', citationKeys: ['88 FR 73458']}]

UNWIND $rows AS row
MATCH (regulation:Regulation {id: row.id})
SET regulation.citationKeys = row.citationKeys
RETURN count(regulation) AS written;
