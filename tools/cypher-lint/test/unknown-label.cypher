// Self-test sample: label typos in a read (MATCH), a write (MERGE), a WHERE predicate
// and an index; the first statement is fine.
MATCH (a:Actor) RETURN a.name;
MATCH (a:Actr) RETURN a.name;
MERGE (m:Modle {id: 'deepseek-v3'}) SET m.name = 'DeepSeek-V3';
MATCH (e:Entity) WHERE e:Chipp RETURN e.id;
CREATE INDEX regulation_key IF NOT EXISTS FOR (r:Regulaton) ON (r.key);
