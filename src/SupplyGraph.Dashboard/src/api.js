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
