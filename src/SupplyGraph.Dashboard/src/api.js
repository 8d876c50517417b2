// The GraphQL client: POST {documentId or query, variables} to the public endpoint. Errors are returned, never swallowed.
import { documentIdByText } from 'persisted-documents';

const params = new URLSearchParams(location.search);
/**
 * The endpoint: ?api=… (development, and only on a loopback page, so a link cannot point a deployed dashboard at
 * someone else's server), window.SUPPLYGRAPH_API, or /graphql.
 */
const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname);
export const apiOverride = (loopback && params.get('api')) || null;
export const endpoint = apiOverride || window.SUPPLYGRAPH_API || '/graphql';

/** What a server answers for a documentId it does not keep (another server, or another build, behind ?api=). */
const unknownDocument = new Set(['PERSISTED_DOCUMENT_NOT_FOUND', 'PERSISTED_QUERY_NOT_FOUND']);

/**
 * Runs one GraphQL document. Resolves to {data, errors}; errors is an array of
 * {message, code, suggestions, path} (empty when none). Transport failures become errors too.
 * An entry of QUERIES is sent by its id (a persisted document: {documentId, variables}), any other text in full; a
 * server that does not know the id is asked once more with the text.
 */
export async function gql(query, variables = {}) {
  const documentId = documentIdByText.get(query);
  if (documentId) {
    const answer = await post({ documentId, variables });
    if (!answer.errors.some((error) => unknownDocument.has(error.code))) return answer;
  }
  return post({ query, variables });
}

async function post(request) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify(request),
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
