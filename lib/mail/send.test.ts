import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, expect, test } from 'vitest';
import { sql } from '@/db';
import { createTestWorkspace } from '@/test/factories';
import { sendMail } from './index';

const content = { subject: 'Invitation', heading: 'Join <Acme>', paragraphs: ['Ana & Bo invited you.'], action: { label: 'Accept', url: 'http://x.test/invite/t' } };

afterEach(() => {
  delete process.env.SMTP_URL;
});

test('without SMTP_URL, mail is stored in the workspace’s development outbox with both parts', async () => {
  const ws = await createTestWorkspace();
  const result = await sendMail(ws.id, ['a@example.com', 'b@example.com'], content);
  expect(result).toMatchObject({ delivered: false, transport: 'dev-outbox' });
  const rows = await sql<{ to: string; subject: string; text: string; html: string }[]>`
    select "to", subject, text, html from dev_mail where workspace_id = ${ws.id}`;
  expect(rows).toHaveLength(1);
  expect(rows[0].to).toBe('a@example.com, b@example.com');
  expect(rows[0].text).toContain('Accept: http://x.test/invite/t');
  expect(rows[0].html).toContain('Join &lt;Acme&gt;');
  expect(rows[0].html).toContain('Ana &amp; Bo');
});

test('with SMTP_URL, mail goes to the SMTP server with HTML and text parts and nothing is stored', async () => {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        received.push(raw);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    const ws = await createTestWorkspace();
    const result = await sendMail(ws.id, 'c@example.com', content, { 'List-Unsubscribe': '<http://x.test/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(result).toMatchObject({ delivered: true, transport: 'smtp' });
    expect(received).toHaveLength(1);
    const raw = received[0].replace(/=\r\n/g, ''); // quoted-printable soft line breaks
    expect(raw).toMatch(/^Subject: Invitation$/m);
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/x\.test\/u>$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(raw).toMatch(/^Content-Type: text\/plain/m);
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    expect(raw).toContain('Ana & Bo invited you.');
    expect(raw).toContain('Join &lt;Acme&gt;');
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from dev_mail where workspace_id = ${ws.id}`;
    expect(n).toBe(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
