// Self-test sample: every statement here must pass.
// Neo4j Browser directives live in comments, so they are not statements:
// :param entity => 'DeepSeek';
// :param asOf => '2025-01-01'
/* A block comment; with a semicolon; and a :param id => 'x' inside. */

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases];
CREATE INDEX supplies_valid IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.validFrom);

// Seed: idempotent MERGE statements.
UNWIND $rows AS row
MERGE (a:Entity:Actor {id: row.id})
SET a.name = row.name, a.country = row.country, a += {description: row.description, tags: row.tags}
RETURN count(a) AS merged;

// Keys of a map inside a pattern's map are not keys of that node: `from` and `to` are not property keys.
UNWIND $rows AS row
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[r:SUPPLIES {key: row.key}]->(target)
SET r = row.properties
RETURN count(r) AS merged;

MATCH (a:Actor {id: 'tsmc'})
MATCH (c:Chip {id: 'h100'})
MERGE (a)-[r:FABRICATES]->(c)
ON CREATE SET r.validFrom = date('2022-03-22'), r.note = 'a note; with a semicolon // not a comment'
RETURN r.note;

// A question: who supplies whom, as of a date, within a few hops.
MATCH (m:Model {id: $id})
OPTIONAL MATCH path = (m)-[:TRAINED_ON|AVAILABLE_ON*1..8]->(x:Entity)
WHERE all(r IN relationships(path) WHERE r.validFrom <= date($asOf) AND (r.validTo IS NULL OR r.validTo > date($asOf)))
WITH m, x, path
ORDER BY length(path)
RETURN m {.id, .name, kind: 'model'} AS model,
       collect(DISTINCT x {.id, .name, labels: labels(x)}) AS reached,
       [n IN nodes(path) | coalesce(n.name, n.id)] AS trail,
       CASE WHEN x IS NULL THEN "none; really" ELSE toLower(x.name) END AS first
LIMIT 25;

MATCH (reg:Regulation)-[:ISSUED_BY]->(issuer:`Actor`)
WHERE reg.effective <= date($asOf) AND EXISTS { (reg)-[:RESTRICTED_BY|RESTRICTED_BY]-(:Chip) }
CALL (reg) {
  MATCH (reg)<-[:RESTRICTED_BY]-(c:Chip)
  RETURN count(c) AS chips
}
RETURN reg.id AS id, issuer.name AS issuer, chips, duration.between(reg.announced, reg.effective).days AS lag
UNION
MATCH (reg:Regulation)
WHERE reg.rescinded IS NOT NULL
RETURN reg.id AS id, null AS issuer, 0 AS chips, null AS lag;
// trailing comment after the last statement; with a semicolon
