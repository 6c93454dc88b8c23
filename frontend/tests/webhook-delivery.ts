import { createHmac } from 'node:crypto';

/** A webhook POST to a portal server (the suite's, unless `to`), signed (or not) as the CMS signs its deliveries. */
export async function deliver(payload: object, { secret = process.env.A4B_WEBHOOK_SECRET!, age = 0, to = process.env.A4B_FRONTEND_URL } = {}) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000) - age);
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(new URL('/api/webhooks/cms', to), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-A4B-Timestamp': timestamp, 'X-A4B-Signature': signature },
    body,
  });
  return { status: response.status, answer: await response.json() };
}
