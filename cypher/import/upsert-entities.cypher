// Generated from the vocabulary in src/SupplyGraph.Domain by GeneratedCypher; do not edit by hand.
// Upserts entities by id, one statement per kind. $rows: [{id, kind, properties}].
// Returns how many rows were added and how many changed; the rest were unchanged.

UNWIND $rows AS row
WITH row WHERE row.kind = 'Actor'
MERGE (entity:Entity {id: row.id})
WITH entity, row, entity.fingerprint AS before
REMOVE entity:Chip:Model:Regulation
SET entity = row.properties, entity:Actor
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated;

UNWIND $rows AS row
WITH row WHERE row.kind = 'Chip'
MERGE (entity:Entity {id: row.id})
WITH entity, row, entity.fingerprint AS before
REMOVE entity:Actor:Model:Regulation
SET entity = row.properties, entity:Chip
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated;

UNWIND $rows AS row
WITH row WHERE row.kind = 'Model'
MERGE (entity:Entity {id: row.id})
WITH entity, row, entity.fingerprint AS before
REMOVE entity:Actor:Chip:Regulation
SET entity = row.properties, entity:Model
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated;

UNWIND $rows AS row
WITH row WHERE row.kind = 'Regulation'
MERGE (entity:Entity {id: row.id})
WITH entity, row, entity.fingerprint AS before
REMOVE entity:Actor:Chip:Model
SET entity = row.properties, entity:Regulation
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS added,
       count(CASE WHEN before IS NOT NULL AND before <> row.properties.fingerprint THEN 1 END) AS updated;
