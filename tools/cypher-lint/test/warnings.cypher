// Self-test sample: warnings that are not about the schema fail too, but the cartesian product.
// A deprecated function fails:
MATCH (a:Actor {id: $id}) RETURN id(a);
// A cartesian product is printed and allowed (both sides are looked up by id here):
MATCH (a:Actor {id: 'nvidia'}), (c:Chip {id: 'h100'}) RETURN a.name, c.name;
// A CALL subquery without a variable scope clause is deprecated, and fails:
MATCH (a:Actor) CALL { MATCH (c:Chip) RETURN c } RETURN a.name, c.name;
