/**
 * The public origin for links made outside a request (the worker's e-mails, Slack messages and webhook
 * payloads): NEXTAUTH_URL, else this server on localhost.
 */
export function appOrigin(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
