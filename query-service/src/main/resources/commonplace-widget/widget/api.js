// Talking to commonplace: reads from the query service (where the widget was loaded from), writes to the command
// service with the visitor's bearer token. Every failure becomes a Problem built from the problem+json answer.

/** A failed call: the problem document's title, detail and field errors, or a network failure (status 0). */
export class Problem extends Error {
  constructor(status, document = {}) {
    super(document.detail || document.title || `HTTP ${status}`);
    this.status = status;
    this.title = document.title || '';
    this.detail = document.detail || '';
    this.errors = Array.isArray(document.errors) ? document.errors : [];
    this.currentRevision = document.currentRevision;
  }
}

async function problemOf(response) {
  let document = {};
  try {
    document = await response.json();
  } catch (ignored) {
    // not a problem document: the status says enough
  }
  return new Problem(response.status, document && typeof document === 'object' ? document : {});
}

async function call(url, init, prefetched) {
  let response;
  try {
    response = await (prefetched || fetch(url, init));
  } catch (networkFailure) {
    throw new Problem(0, {});
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** 128 random bits as hex: a new Idempotency-Key (crypto.randomUUID needs a secure context; this does not). */
export function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The claims of a JWT as the widget needs them to show who is signed in; the services verify the token. */
export function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json);
    if (typeof claims.sub !== 'string') return null;
    return {
      id: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      moderator: Array.isArray(claims.roles) && claims.roles.includes('moderator'),
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
    };
  } catch (malformed) {
    return null;
  }
}

/**
 * @param queryBase   the query service's address (where the widget was loaded from)
 * @param commandBase a promise of the command service's address
 * @param take        (url) => a response embed.js already asked for, once, or undefined
 */
export function client(queryBase, commandBase, take = () => undefined) {
  const q = (path) => new URL(`api/v1/${path}`, queryBase).href;
  const topicPath = (topicId) => `topics/${encodeURIComponent(topicId)}`;
  const json = async (url) => (await call(url, { credentials: 'omit' }, take(url))).json();
  const query = (params) => {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([key, value]) => value != null && search.set(key, value));
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const write = async (method, path, token, body, headers = {}) => {
    const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'omit' };
    if (token) init.headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await call(`${await commandBase}/api/v1/${path}`, init);
    return response.status === 204 ? {} : response.json();
  };
  return {
    topic: (topicId) => json(q(topicPath(topicId))),
    thread: (topicId, { cursor, limit, asOf, consistentWith } = {}) =>
      json(q(`${topicPath(topicId)}/thread${query({ sort: 'oldest', cursor, limit, asOf, consistentWith })}`)),
    comment: (commentId, consistentWith) =>
      json(q(`comments/${encodeURIComponent(commentId)}${query({ consistentWith })}`)),
    timeline: (topicId, after) => json(q(`${topicPath(topicId)}/timeline${query({ after, limit: 500 })}`)),
    streamUrl: (topicId, after) => q(`${topicPath(topicId)}/stream${query({ after })}`),
    post: (token, topicId, body, key) =>
      write('POST', `${topicPath(topicId)}/comments`, token, { body }, { 'Idempotency-Key': key }),
    reply: (token, parentId, body, key) =>
      write('POST', `comments/${encodeURIComponent(parentId)}/replies`, token, { body }, { 'Idempotency-Key': key }),
    edit: (token, commentId, body, revision) =>
      write('PUT', `comments/${encodeURIComponent(commentId)}`, token, { body }, { 'If-Match': `"${revision}"` }),
    retract: (token, commentId) => write('DELETE', `comments/${encodeURIComponent(commentId)}`, token),
  };
}
