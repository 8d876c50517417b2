// Self-test sample: Neo4j's semantic analysis must run: an undefined variable, an unknown parameter,
// an unknown function and a wrong number of arguments to a built-in.
MATCH (a:Actor) RETURN b.name;
MATCH (a:Actor {id: $entity}) RETURN a.name;
MATCH (a:Actor) RETURN toLowr(a.name);
MATCH (a:Actor) RETURN date(a.validFrom, 1);
