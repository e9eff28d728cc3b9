/**
 * The webhook engine as a process of its own, for one workspace, so a test can SIGKILL it mid-delivery:
 * `tsx test/webhook-engine-main.ts WORKSPACE_ID LEASE_SECONDS` (DATABASE_URL from the environment).
 */
import { startWebhookEngine } from '@/lib/webhooks/engine';

const [workspaceId, lease] = process.argv.slice(2);
startWebhookEngine({ workspaceIds: [workspaceId], leaseSeconds: Number(lease), pollMs: 50 });
console.log('engine running');
