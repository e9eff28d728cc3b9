import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';

/** The empty state of a new workspace: how to send the first conversation. */
export function GetStarted({ origin, canCreateKeys }: { origin: string; canCreateKeys: boolean }) {
  const snippet = `curl -X POST ${origin}/v1/batch \\
  -H "Authorization: Bearer $CONFAB_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"batch":[
    {"id":"b1","type":"conversation","body":{"id":"conv_1","avatarId":"support-bot","device":"desktop","source":"web"}},
    {"id":"b2","type":"message","body":{"conversationId":"conv_1","role":"user","content":"Hi! Where is my order?"}},
    {"id":"b3","type":"message","body":{"conversationId":"conv_1","role":"assistant","content":"Let me check that for you."}}
  ]}'`;
  return (
    <section className="mx-auto mt-10 max-w-3xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
      <h2 className="text-lg font-semibold text-gray-900">Send your first conversation</h2>
      <p className="mt-1 text-sm text-gray-500">Confab fills this dashboard from the conversations your avatars send. Two steps:</p>
      <ol className="mt-6 space-y-6 text-sm text-gray-700">
        <li>
          <p className="font-medium text-gray-900">1. Create an API key with the ingest scope</p>
          <p className="mt-1">
            {canCreateKeys ? (
              <Link href="/settings/api-keys" className="font-semibold text-indigo-600 hover:text-indigo-500">
                Settings › API keys
              </Link>
            ) : (
              'Ask an admin of this workspace for a key (Settings › API keys).'
            )}
          </p>
        </li>
        <li>
          <div className="flex items-center justify-between">
            <p className="font-medium text-gray-900">2. Post a conversation</p>
            <CopyButton value={snippet} label="Copy snippet" />
          </div>
          <pre className="mt-2 overflow-x-auto rounded-lg bg-gray-900 p-4 text-xs leading-relaxed text-gray-100">{snippet}</pre>
          <p className="mt-2 text-gray-500">
            Or use the SDK&apos;s <code className="rounded bg-gray-100 px-1">createClient</code> and <code className="rounded bg-gray-100 px-1">trackAvatar</code> — see the{' '}
            <Link href="/docs/api" className="font-semibold text-indigo-600 hover:text-indigo-500">
              API reference
            </Link>
            .
          </p>
        </li>
      </ol>
    </section>
  );
}
