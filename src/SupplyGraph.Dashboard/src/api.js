// The GraphQL client: POST {query, variables} to the public endpoint. Errors are returned, never swallowed.

const params = new URLSearchParams(location.search);
/**
 * The endpoint: ?api=… (development, and only on a loopback page, so a link cannot point a deployed dashboard at
 * someone else's server), window.SUPPLYGRAPH_API, or /graphql.
 */
const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname);
export const apiOverride = (loopback && params.get('api')) || null;
export const endpoint = apiOverride || window.SUPPLYGRAPH_API || '/graphql';

/**
 * Runs one GraphQL document. Resolves to {data, errors}; errors is an array of
 * {message, code, suggestions, path} (empty when none). Transport failures become errors too.
 */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    return { data: null, errors: [{ message: `The GraphQL API at ${endpoint} could not be reached (${e.message}).`, code: 'NETWORK' }] };
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    return { data: null, errors: [{ message: `The GraphQL API answered ${response.status} ${response.statusText} without JSON.`, code: `HTTP_${response.status}` }] };
  }
  const errors = (body.errors || []).map((e) => ({
    message: e.message,
    code: e.extensions?.code || null,
    suggestions: e.extensions?.suggestions || [],
    path: e.path || null,
  }));
  if (!response.ok && errors.length === 0) {
    errors.push({ message: `The GraphQL API answered ${response.status} ${response.statusText}.`, code: `HTTP_${response.status}` });
  }
  return { data: body.data ?? null, errors };
}

export const ENTITY_FIELDS = `
fragment EntityFields on Entity {
  id kind name aliases country description tags
  sources { document locator url }
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
  sources { document locator url }
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
      regulation { id name citation effective rescinded jurisdiction summary sources { document locator url } }
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
};
