// Self-test sample: property key typos, read (RETURN), written (SET), in a pattern (MERGE)
// and in a constraint.
MATCH (a:Actor {id: $id}) RETURN a.nmae;
MATCH (a:Actor {id: $id}) SET a.contry = 'CN';
MERGE (c:Chip {id: 'h100', desinger: 'nvidia'});
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (m:Model) REQUIRE m.idd IS UNIQUE;
