import { createHmac } from 'node:crypto';

/**
 * The visitor's address for the API's per-address limits. The portal posts forms on its visitors' behalf,
 * so the API would otherwise count every question against this server; it believes the address named in
 *
 *   X-A4B-Visitor: <address>;<unix time>;<hex HMAC-SHA256 of "<address>;<unix time>">
 *
 * keyed with PUBLIC_FORM_VISITOR_SECRET, the same secret in both environments (security/public_forms/visitor.py).
 */
export const VISITOR_HEADER = 'X-A4B-Visitor';

export function signVisitor(address: string, secret: string, now: number = Date.now()): string {
  const stamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`${address};${stamp}`).digest('hex');
  return `${address};${stamp};${signature}`;
}

/**
 * The visitor as the last `proxies` trusted proxies saw them: the entry the outermost appended to
 * X-Forwarded-For, never what the visitor wrote there themselves; the peer when there is no proxy
 * (NUM_PROXIES=0) or the header is shorter than the chain. IPv4-mapped IPv6 addresses are unwrapped.
 */
export function visitorAddress(forwardedFor: string | null, peer: string, proxies: number): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = proxies > 0 && entries.length >= proxies ? entries[entries.length - proxies] : peer;
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
