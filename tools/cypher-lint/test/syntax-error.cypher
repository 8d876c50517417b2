// Self-test sample: the first statement is fine; the second misses a closing parenthesis;
// the third is a Neo4j Browser directive outside a comment, which is no Cypher.
MATCH (a:Actor {id: $id}) RETURN a.name;
MATCH (a:Actor {id: $id} RETURN a.name;
:param entity => 'DeepSeek';
