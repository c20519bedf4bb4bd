// Calls to the gateway's API with the tab's credential. An error answer becomes an ApiError carrying the
// problem+json's title/detail, so a view can say what went wrong.
import { credentialHeaders, forgetCredential } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};

/** What to do when the gateway answers 401 (the credential expired or was revoked): back to the login. */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

export async function api(path, { method = 'GET', body } = {}) {
  const answer = await call(path, { method, body, accept: 'application/json' });
  return answer.status === 204 ? null : answer.json();
}

/** A file from the API (a report): its bytes as a Blob and the name the server gave it (Content-Disposition). */
export async function download(path, accept) {
  const answer = await call(path, { method: 'GET', accept });
  const disposition = answer.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/i.exec(disposition);
  const blob = await answer.blob();
  return { blob, fileName: named ? named[1] : path.split('/').pop().split('?')[0] };
}

async function call(path, { method, body, accept }) {
  const headers = { Accept: accept, ...credentialHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (answer.status === 401) {
    forgetCredential();
    onUnauthorized();
  }
  if (!answer.ok) {
    let message = `${method} ${path}: ${answer.status}`;
    try {
      const problem = await answer.json();
      message = problem.detail || problem.title || message;
    } catch {
      // not problem+json
    }
    throw new ApiError(answer.status, message);
  }
  return answer;
}
