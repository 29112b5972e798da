// Calls to the server's JSON API. A failure becomes an `ApiFailure` with the server's stable
// error code, which the pages turn into a message in the interface language.

export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(url, init = {}) {
  let response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers || {}) } });
  } catch (e) {
    throw new ApiFailure(0, 'network', String(e));
  }
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    throw new ApiFailure(response.status, error.code || `http_${response.status}`, error.message || response.statusText);
  }
  if (body === null) throw new ApiFailure(response.status, 'bad_response', `expected JSON, got ${type || 'nothing'}`);
  return body;
}

/** GET a JSON answer. */
export function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [].concat(value)) if (v !== undefined && v !== null && v !== '') query.append(key, v);
  }
  const q = query.toString();
  return request(q ? `${path}?${q}` : path);
}

/** POST JSON, get JSON. */
export function postJSON(path, body) {
  return request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** A SPARQL query through the protocol endpoint: `{json}` for solutions and booleans, `{text,
 * type}` for graphs (Turtle). */
export async function sparql(query) {
  let response;
  try {
    response = await fetch('/sparql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/sparql-results+json, text/turtle;q=0.9',
      },
      body: new URLSearchParams({ query }).toString(),
    });
  } catch (e) {
    throw new ApiFailure(0, 'network', String(e));
  }
  const type = response.headers.get('content-type') || '';
  if (!response.ok) {
    const body = type.includes('json') ? await response.json().catch(() => null) : null;
    const error = body && body.error ? body.error : {};
    throw new ApiFailure(response.status, error.code || `http_${response.status}`, error.message || response.statusText);
  }
  if (type.includes('json')) return { json: await response.json(), truncated: response.headers.get('cbdkg-truncated') };
  return { text: await response.text(), type };
}
