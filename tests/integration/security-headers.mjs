// The headers every response must carry.
import assert from 'node:assert/strict';

/** Parse a Content-Security-Policy into Map directive -> [sources]. */
export function parseCsp(value) {
  const map = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Assert the security headers on a Headers object; `what` names the response. */
export function assertSecurityHeaders(headers, what) {
  const csp = headers.get('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy present`);
  const d = parseCsp(csp);
  assert.ok(d.get('default-src')?.includes("'self'"), `${what}: CSP has default-src 'self' (${csp})`);
  const scriptSrc = d.get('script-src') ?? d.get('default-src');
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${what}: no 'unsafe-inline' in script-src (${csp})`);
  assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${what}: CSP frame-ancestors 'none' (${csp})`);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(headers.get('referrer-policy'), 'same-origin', `${what}: Referrer-Policy`);
  assert.equal(headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
}
