// Generated from the vocabulary in src/SupplyGraph.Domain by GeneratedCypher; do not edit by hand.
// Upserts relationships by key, one statement per type. $rows: [{key, type, from, to, properties}].
// Returns how many rows were added, how many changed, and how many were written at all: a row whose
// ends are not in the graph is not written, and the service then fails the import.

UNWIND $rows AS row
WITH row WHERE row.type = 'SUPPLIES'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:SUPPLIES {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'FABRICATES'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:FABRICATES {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'DESIGNS'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:DESIGNS {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'OPERATES'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:OPERATES {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'HOSTS'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:HOSTS {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'DEVELOPS'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:DEVELOPS {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'TRAINED_ON'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:TRAINED_ON {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'BACKED_BY'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:BACKED_BY {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'AVAILABLE_ON'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:AVAILABLE_ON {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'RESTRICTED_BY'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:RESTRICTED_BY {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'ISSUED_BY'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:ISSUED_BY {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'SUBSIDIARY_OF'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:SUBSIDIARY_OF {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;

UNWIND $rows AS row
WITH row WHERE row.type = 'COMPETES_WITH'
MATCH (source:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (source)-[relationship:COMPETES_WITH {key: row.key}]->(target)
WITH relationship, row, relationship.fingerprint AS before
SET relationship = row.properties
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated,
       count(*) AS written;
