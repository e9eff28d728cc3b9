import { BATCH_BODY_LIMIT_BYTES, SINGLE_BODY_LIMIT_BYTES } from '@/lib/api/read-body';
import { MAX_BATCH_ITEMS, MAX_MESSAGES_PER_REQUEST } from '@/lib/ingest/parse/schemas';
import { MAX_CONTENT_CHARS, MAX_JSON_BYTES } from '@/lib/ingest/parse/schema-primitives';
import { errorResponses } from '@/lib/openapi/error-responses';
import type { SchemaViewer } from '@/lib/openapi/schema-view';
import type { ErrorStatus, JsonSchema } from '@/lib/openapi/types';
import { CodeBlock } from './code-block';
import { RichText } from './rich-text';
import { SchemaFields } from './schema-fields';

const mb = (bytes: number) => `${bytes / (1024 * 1024)} MB`;
const kb = (bytes: number) => `${bytes / 1024} KB`;

const SCOPES = [
  { scope: 'ingest', grants: 'Send conversations, messages, tool calls and events (every `POST` endpoint).' },
  { scope: 'read', grants: 'Read analytics and transcripts.' },
  { scope: 'admin', grants: 'Manage webhooks, avatars, goals and alerts — and everything `ingest` and `read` may do.' },
];

export function DocsIntro({ origin, errorSchema, viewer, ratePerSecond }: { origin: string; errorSchema: JsonSchema; viewer: SchemaViewer; ratePerSecond: number }) {
  const firstCall = `curl -X POST ${origin}/v1/conversations \\
  -H "Authorization: Bearer $CONFAB_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"id":"conv_8f2b1c9e","avatarId":"support-bot","device":"mobile","source":"web"}'`;
  const errorExample = JSON.stringify({ error: errorResponses[422].example }, null, 2);
  return (
    <div className="space-y-6">
      <Section id="introduction" title="Confab API reference" level={1}>
        <p>
          Send your avatars’ conversations to Confab and read back the analytics the dashboard shows. The API speaks JSON over HTTPS; every path below is relative to
          your deployment’s origin.
        </p>
        <dl className="grid gap-4 sm:grid-cols-2">
          <Fact term="Base URL">
            <code className="font-mono text-gray-900">{origin}/v1</code>
          </Fact>
          <Fact term="Machine-readable spec">
            <a href="/v1/openapi.json" className="font-medium text-indigo-600 hover:text-indigo-500">
              /v1/openapi.json
            </a>{' '}
            <span className="text-gray-500">(OpenAPI 3.1, for client generators and Postman)</span>
          </Fact>
        </dl>
        <CodeBlock title="Your first request" code={firstCall} />
      </Section>

      <Section id="authentication" title="Authentication">
        <p>
          Create an API key in <strong className="font-medium text-gray-900">Settings › API keys</strong> and send it on every request. Keys start with{' '}
          <code className="font-mono">cfk_</code>, are shown once, and belong to one workspace.
        </p>
        <CodeBlock title="Header" code="Authorization: Bearer cfk_YOUR_API_KEY" />
        <Table head={['Scope', 'Grants']} rows={SCOPES.map((s) => [<code key="s" className="font-mono text-indigo-700">{s.scope}</code>, <RichText key="g" text={s.grants} />])} />
        <p>A missing or revoked key answers 401; a key without the endpoint’s scope answers 403.</p>
      </Section>

      <Section id="errors" title="Errors">
        <p>
          Every error has the same shape, whatever the endpoint. <code className="font-mono">code</code> is stable and meant for programs; on a 422,{' '}
          <code className="font-mono">details</code> names each invalid field by its path. A rejected request writes nothing.
        </p>
        <CodeBlock title="A 422 answer" code={errorExample} />
        <SchemaFields view={viewer.view(errorSchema)} caption="The error object" mode="response" />
        <Table
          head={['Status', 'Code', 'When']}
          rows={(Object.keys(errorResponses).map(Number) as ErrorStatus[]).map((status) => [
            <span key="s" className="font-mono font-semibold text-gray-900">{status}</span>,
            <code key="c" className="font-mono text-indigo-700">{errorResponses[status].example.code}</code>,
            <RichText key="d" text={errorResponses[status].description} />,
          ])}
        />
      </Section>

      <Section id="rate-limits" title="Rate limits and sizes">
        <p>
          Each API key may make {ratePerSecond.toLocaleString('en-US')} requests a second, with bursts of up to {(ratePerSecond * 2).toLocaleString('en-US')} over ten
          seconds. Over the limit the API answers <code className="font-mono">429</code> with a <code className="font-mono">Retry-After</code> header in seconds —
          wait that long, then retry. To send a lot, batch: one <code className="font-mono">/v1/batch</code> request carries up to{' '}
          {MAX_BATCH_ITEMS.toLocaleString('en-US')} items.
        </p>
        <Table
          head={['Limit', 'Value']}
          rows={[
            ['Request body', `${mb(SINGLE_BODY_LIMIT_BYTES)} (${mb(BATCH_BODY_LIMIT_BYTES)} for /v1/batch) — larger answers 413`],
            ['Items per batch', MAX_BATCH_ITEMS.toLocaleString('en-US')],
            ['Messages per request', MAX_MESSAGES_PER_REQUEST.toLocaleString('en-US')],
            ['Message content', `${MAX_CONTENT_CHARS.toLocaleString('en-US')} characters`],
            ['metadata, properties, tool input/output', `${kb(MAX_JSON_BYTES)} each, as JSON`],
            ['Ids and names', '1–200 characters'],
          ]}
        />
      </Section>

      <Section id="idempotency" title="Idempotency">
        <p>
          Writes are keyed by <em>your</em> ids, so a retry can never double-count: the conversation <code className="font-mono">id</code>, a message’s, action’s or
          event’s <code className="font-mono">id</code>, and each batch item’s <code className="font-mono">id</code>. Sending the same id again changes nothing and
          answers <code className="font-mono">200</code> with what is stored (a new object answers <code className="font-mono">201</code>). Retry freely after a
          timeout, a 429 or a 5xx.
        </p>
        <p>
          Optional fields also accept <code className="font-mono">null</code> as “not given”, and unknown fields are ignored — so SDKs in any language can send
          their objects as they are.
        </p>
      </Section>
    </div>
  );
}

function Section({ id, title, level = 2, children }: { id: string; title: string; level?: 1 | 2; children: React.ReactNode }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-24 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <Heading id={`${id}-title`} className={`${level === 1 ? 'text-2xl' : 'text-lg'} font-semibold tracking-tight text-gray-900`}>
        {title}
      </Heading>
      <div className="mt-3 space-y-4 text-sm leading-relaxed text-gray-600">{children}</div>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-gray-50 px-4 py-3 ring-1 ring-inset ring-gray-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

function Table({ head, rows }: { head: string[]; rows: React.ReactNode[][] }) {
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-gray-200">
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-gray-200 bg-gray-50 text-xs font-medium uppercase tracking-wide text-gray-500">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-4 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row, i) => (
            <tr key={i} className="align-top">
              {row.map((cell, j) => (
                <td key={j} className={`px-4 py-2.5 ${j === 0 ? 'whitespace-nowrap text-gray-900' : 'text-gray-600'}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
