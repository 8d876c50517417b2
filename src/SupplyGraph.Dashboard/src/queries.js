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
    exposed { entity { id name kind } paths { ...PathFields } }
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
