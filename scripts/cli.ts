/** `npm run cli -- <command>`: thin entry points over lib/. */
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { ensureDatabase } from '@/db/ensure';
import { migrateDatabase } from '@/db/migrate';
import { findWorkspaceBySlug } from '@/db/queries/accounts';
import { ensureUserInWorkspace } from '@/lib/auth/accounts';
import { API_KEY_SCOPES, createApiKey, type ApiKeyScope } from '@/lib/auth/api-keys';
import { DEMO_USER, seedDemo } from '@/lib/demo/seed';
import { sendDueDigests } from '@/lib/digest/send';
import { lowerWorkerPriority } from '@/lib/jobs/priority';
import { startWorker } from '@/lib/jobs/worker';
import { runAlertChecks } from '@/lib/alerts/check';
import { authSecret } from './auth-secret';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply database migrations
  seed-demo [--conversations N] [--days D]  create (or top up) the demo workspace
  create-user --email E --password P --workspace SLUG
                                            create a user (or reset their password) as owner of SLUG, creating it if missing
  create-api-key --workspace SLUG --scopes ingest,read,admin [--name NAME]
                                            print a new API key (only the key, on stdout)
  evaluate-alerts [--at ISO]                run one alert check pass now, or as of a past time, and print its outcome
  worker                                    run the background jobs (idle-conversation close, digests, …) until stopped
  send-digests [--at ISO]                   send the weekly digests due at that time (default now); a rerun sends nothing twice
`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

class UsageError extends Error {}

const commands: Record<string, (options: Options) => Promise<void>> = {
  async migrate() {
    await migrateDatabase();
    console.error('Migrations applied.');
  },
  async 'seed-demo'(options) {
    await migrateDatabase();
    const conversations = options.conversations ? Number(options.conversations) : undefined;
    const days = options.days ? Number(options.days) : undefined;
    if ((conversations !== undefined && !(conversations >= 0)) || (days !== undefined && !(days > 0))) {
      throw new UsageError('--conversations and --days take positive numbers');
    }
    const result = await seedDemo({ conversations, days, log: (line) => console.error(line) });
    console.error(`Demo workspace ready (${result.created ? 'created' : 'already there'}). Sign in as ${DEMO_USER.email} / ${DEMO_USER.password}`);
  },
  async 'create-user'(options) {
    const email = required(options, 'email');
    const password = required(options, 'password');
    const slug = required(options, 'workspace');
    await migrateDatabase();
    const { user, workspace, created } = await ensureUserInWorkspace({ email, password, slug, resetPassword: true });
    console.error(`User ${user.email} is owner of workspace "${workspace.slug}"${created ? ' (created)' : ''}.`);
  },
  async 'evaluate-alerts'(options) {
    let at: Date | undefined;
    if (options.at !== undefined) {
      at = typeof options.at === 'string' ? new Date(options.at) : new Date(NaN);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(String(options.at)) || Number.isNaN(at.getTime())) throw new UsageError('--at takes an ISO 8601 date-time, e.g. 2026-11-30T09:00:00Z');
    }
    await migrateDatabase();
    const pass = await runAlertChecks({ at, log: (line) => console.error(line) });
    process.stdout.write(`${JSON.stringify(pass)}\n`);
  },
  async worker() {
    await migrateDatabase();
    process.env.NEXTAUTH_SECRET = authSecret();
    const log = (line: string) => console.error(`[worker] ${line}`);
    lowerWorkerPriority(log);
    const worker = await startWorker(log);
    console.error('Worker running; Ctrl-C stops it.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await worker.stop();
  },
  async 'send-digests'(options) {
    const at = typeof options.at === 'string' ? new Date(options.at) : new Date();
    if (Number.isNaN(at.getTime())) throw new UsageError('--at takes an ISO 8601 time, e.g. 2025-01-13T09:00:00+01:00');
    await migrateDatabase();
    process.env.NEXTAUTH_SECRET = authSecret();
    const result = await sendDueDigests({ at, log: (line) => console.error(line) });
    console.error(`Digests: ${result.dueWorkspaces} workspace(s) due at ${at.toISOString()}, ${result.sent} sent, ${result.failed} failed.`);
    if (result.failed > 0) process.exitCode = 1;
  },
  async 'create-api-key'(options) {
    const slug = required(options, 'workspace');
    const scopes = required(options, 'scopes').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
    if (bad.length) throw new UsageError(`Unknown scope(s): ${bad.join(', ')} (use ${API_KEY_SCOPES.join(', ')})`);
    await migrateDatabase();
    const workspace = await findWorkspaceBySlug(slug);
    if (!workspace) throw new UsageError(`No workspace with slug "${slug}"`);
    const name = typeof options.name === 'string' ? options.name : `CLI key (${scopes.join(', ')})`;
    const created = await createApiKey(workspace.id, { name, scopes: scopes as ApiKeyScope[] });
    process.stdout.write(`${created.key}\n`);
  },
};

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) {
    process.stderr.write(USAGE);
    process.exit(command ? 2 : 0);
  }
  const { values } = parseArgs({
    args: rest,
    strict: false,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      workspace: { type: 'string' },
      scopes: { type: 'string' },
      name: { type: 'string' },
      conversations: { type: 'string' },
      days: { type: 'string' },
      at: { type: 'string' },
    },
  });
  const database = await ensureDatabase();
  try {
    await run(values);
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error && typeof error === 'object' && 'issues' in error) {
    const issues = (error as { issues: { path: unknown[]; message: string }[] }).issues;
    console.error(`Error: ${issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
