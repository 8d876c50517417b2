// Every GraphQL document the dashboard sends, in one pure module (no DOM): the dashboard sends only entries of QUERIES,
// so the set is known when the dashboard is built.
export const ENTITY_FIELDS = `
fragment EntityFields on Entity {
  id kind name aliases country description tags
  sources { document title locator url }
  ... on Actor { category website }
  ... on Chip { designerId foundryIds process }
  ... on Model { developerId releaseDate parameters activeParameters }
  ... on Regulation { issuerId jurisdiction announced effective rescinded citation summary }
}`;

export const REL_FIELDS = `
fragment RelFields on Relationship {
  id type status validFrom validTo note
  from { id name kind }
  to { id name kind }
  sources { document title locator url }
}`;

export const PATH_FIELDS = `
fragment PathFields on Path {
  length summary
  entities { id name kind }
  relationships { ...RelFields }
}`;

export const EXPLORED = 'partial explored { relationships entities depth cutBy }';

export const QUERIES = {
  search: `query Search($text: String!, $kinds: [EntityKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { id kind name aliases country }
}`,
  profile: `query Profile($entity: String!, $asOf: Date) {
  entity(ref: $entity) { ...EntityFields }
  profile(entity: $entity, asOf: $asOf) {
    asOf
    relationships { ...RelFields }
  }
}
${ENTITY_FIELDS}
${REL_FIELDS}`,
  supplyChain: `query SupplyChain($entity: String!, $asOf: Date) {
  supplyChain(entity: $entity, asOf: $asOf) {
    asOf
    focus { id name kind }
    stages { stage entities { id name kind country description ... on Actor { category } } }
    relationships { ...RelFields }
    ${EXPLORED}
  }
}
${REL_FIELDS}`,
  // The critical path's own question: the chain without each relationship's sources and note (a hub's chain holds
  // thousands of relationships; their sources are most of the answer's size and of the server's time). The graph view
  // asks supplyChain, sources included, when it is drawn.
  supplyChainView: `query SupplyChainView($entity: String!, $asOf: Date) {
  supplyChain(entity: $entity, asOf: $asOf) {
    asOf
    focus { id name kind }
    stages { stage entities { id name kind country description ... on Actor { category } } }
    relationships { id type status validFrom validTo from { id name kind } to { id name kind } }
    ${EXPLORED}
  }
}`,
  exportControls: `query ExportControls($entity: String!, $asOf: Date) {
  exportControls(entity: $entity, asOf: $asOf) {
    asOf
    entity { id name }
    hits {
      regulation { id name citation effective rescinded jurisdiction summary sources { document title locator url } }
      paths { ...PathFields }
    }
    ${EXPLORED}
  }
}
${PATH_FIELDS}
${REL_FIELDS}`,
  exposure: `query Exposure($regulation: String!, $asOf: Date) {
  exposure(regulation: $regulation, asOf: $asOf) {
    asOf inForce
    regulation { id name citation effective rescinded }
    exposed { entity { id name kind country ... on Actor { category } } paths { ...PathFields } }
    ${EXPLORED}
  }
}
${PATH_FIELDS}
${REL_FIELDS}`,
  paths: `query Paths($from: String!, $to: String!, $asOf: Date) {
  paths(from: $from, to: $to, asOf: $asOf) {
    asOf
    from { id name kind }
    to { id name kind }
    paths { ...PathFields }
    ${EXPLORED}
  }
}
${PATH_FIELDS}
${REL_FIELDS}`,
  // The home page: what is loaded (counts by kind), the labs, the rules (sorted by effective date in the page until
  // the API orders entities by date), and one chip and one model as examples taken from the data.
  overview: `query Overview {
  kinds: counts(by: ENTITY_KIND) { total groups { key count } }
  labs: entities(where: { category: [AI_LAB] }, first: 24) { totalCount edges { node { id name country } } }
  rules: entities(where: { kind: [REGULATION] }, first: 200) {
    totalCount
    edges { node { id name ... on Regulation { citation effective rescinded jurisdiction } } }
  }
  chips: entities(where: { kind: [CHIP] }, first: 1) { edges { node { id name } } }
  models: entities(where: { kind: [MODEL] }, first: 1) { edges { node { id name } } }
}`,
  browse: `query Browse($where: EntityWhere, $first: Int, $after: String) {
  entities(where: $where, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name kind country ... on Actor { category } ... on Regulation { citation effective } } }
  }
}`,
  // A name for an id the profile holds (a chip's designer, a model's developer, a rule's issuer).
  entityName: `query EntityName($ref: String!) {
  entity(ref: $ref) { id name kind }
}`,
  // GraphiQL's first tabs: a lab, a regulation and a second entity taken from the data, whatever the dataset.
  graphiqlExamples: `query GraphiqlExamples {
  labs: entities(where: { category: [AI_LAB] }, first: 1) { edges { node { id name } } }
  rules: entities(where: { kind: [REGULATION] }, first: 1) { edges { node { id name } } }
  equipment: entities(where: { category: [EQUIPMENT] }, first: 1) { edges { node { id name } } }
}`,
  changes: `query Changes($entity: String!, $from: Date!, $to: Date!) {
  changes(entity: $entity, from: $from, to: $to) {
    from to partial
    entity { id name kind }
    entered { ...ChangeSideFields }
    left { ...ChangeSideFields }
  }
}
fragment ChangeSideFields on ChangeSide {
  entities { stage entity { id name kind } }
  relationships { ...RelFields }
  regulations { id name citation effective rescinded }
}
${REL_FIELDS}`,
};
