// Self-test sample: relationship type typos, in MATCH and in MERGE.
MATCH (a:Actor)-[:SUPPLEIS]->(c:Chip) RETURN a.name, c.name;
MATCH (a:Actor {id: 'nvidia'}) MATCH (c:Chip {id: 'h100'}) MERGE (a)-[:DESIGN]->(c);
