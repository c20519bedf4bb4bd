// The caller's credential for this tab: a bearer token (signed by the local dev login, or pasted) or an API key.
// Kept in sessionStorage, so it ends with the tab; sent on every API call and on the stream.

const KEY = 'tideline.credential';

/** The stored credential {kind: 'bearer'|'apikey', value, label, expiresAt?}, or null (none, or expired). */
export function currentCredential() {
  try {
    const c = JSON.parse(sessionStorage.getItem(KEY));
    if (!c || !c.value) return null;
    if (c.expiresAt && Date.parse(c.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return c;
  } catch {
    return null;
  }
}

export function saveCredential(credential) {
  sessionStorage.setItem(KEY, JSON.stringify(credential));
}

export function forgetCredential() {
  sessionStorage.removeItem(KEY);
}

/** The headers that carry a credential to the gateway. */
export function credentialHeaders(c = currentCredential()) {
  if (!c) return {};
  return c.kind === 'apikey' ? { 'X-Api-Key': c.value } : { Authorization: `Bearer ${c.value}` };
}

/** The role in a bearer token's `groups` (for display only: the gateway decides), or null. */
export function roleOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part));
    const groups = Array.isArray(claims.groups) ? claims.groups : [];
    return ['admin', 'trader', 'viewer'].find((r) => groups.includes(r)) ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the caller may do what `role` may (admin ⊇ trader ⊇ viewer), for showing or hiding an action only: the
 * gateway decides. An API key's role is not known here, so its actions are shown and the gateway may refuse them.
 */
export function callerMay(role, c = currentCredential()) {
  if (!c) return false;
  if (c.kind === 'apikey' || !c.role) return true;
  const rank = { viewer: 1, trader: 2, admin: 3 };
  return (rank[c.role] ?? 0) >= (rank[role] ?? 99);
}

/** The subject of the tab's bearer token (who acknowledges), or null for an API key or an unreadable token. */
export function subjectOf(c = currentCredential()) {
  if (!c || c.kind !== 'bearer') return null;
  try {
    const claims = JSON.parse(atob(c.value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}
