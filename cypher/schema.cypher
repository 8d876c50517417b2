// SupplyGraph schema: one uniqueness constraint per kind (and one per document title), indexes for every property a
// question starts from, and a full-text index over names and aliases. Idempotent: the service applies it at every start.
// Run it in Neo4j Browser as it is (multi-statement editor: enable "multi statement query editor").

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (entity:Entity) REQUIRE entity.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (actor:Actor) REQUIRE actor.id IS UNIQUE;
CREATE CONSTRAINT chip_id IF NOT EXISTS FOR (chip:Chip) REQUIRE chip.id IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (model:Model) REQUIRE model.id IS UNIQUE;
CREATE CONSTRAINT regulation_id IF NOT EXISTS FOR (regulation:Regulation) REQUIRE regulation.id IS UNIQUE;
CREATE CONSTRAINT document_document IF NOT EXISTS FOR (document:Document) REQUIRE document.document IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (entity:Entity) ON (entity.name);
CREATE INDEX actor_category IF NOT EXISTS FOR (actor:Actor) ON (actor.category);
CREATE INDEX regulation_effective IF NOT EXISTS FOR (regulation:Regulation) ON (regulation.effective);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (entity:Entity) ON EACH [entity.name, entity.aliasText, entity.id];

// Wait until the indexes are online, so the first question after start-up can use them.
CALL db.awaitIndexes(60);
