import type { Metadata } from 'next';
import { listApiKeys } from '@/db/queries/api-keys';
import { CreateApiKeyForm } from '@/components/settings/create-api-key-form';
import { RevokeApiKeyButton } from '@/components/settings/revoke-api-key-button';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime, formatRelative } from '@/lib/format';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const { workspace, role } = await requireSessionContext('/settings/api-keys');
  if (!roleAtLeast(role, 'admin')) {
    return <Alert tone="info">Only admins and owners of {workspace.name} manage API keys. Ask one of them for a key.</Alert>;
  }
  const keys = await listApiKeys(workspace.id);
  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_380px]">
      <section className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
        <h2 className="px-6 pt-5 text-base font-semibold text-gray-900">Keys</h2>
        <p className="px-6 text-sm text-gray-500">Send a key as <code className="rounded bg-gray-100 px-1">Authorization: Bearer &lt;key&gt;</code>. Only a hash is stored.</p>
        {keys.length === 0 ? (
          <p className="px-6 py-10 text-center text-sm text-gray-500">No keys yet. Create one to start sending conversations.</p>
        ) : (
          <DataTable
            className="mt-4 whitespace-nowrap"
            columns={[{ label: 'Name' }, { label: 'Key' }, { label: 'Scopes' }, { label: 'Created' }, { label: 'Last used' }, { label: 'Actions', right: true, hidden: true }]}
          >
            {keys.map((key) => (
              <tr key={key.id} className={key.revokedAt ? 'text-gray-400' : 'text-gray-900'}>
                <td className="px-6 py-3 font-medium">{key.name}</td>
                <td className="px-3 py-3 font-mono text-xs">{key.prefix}…</td>
                <td className="px-3 py-3">
                  <span className="flex flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <span key={scope} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700">
                        {scope}
                      </span>
                    ))}
                  </span>
                </td>
                <td className="px-3 py-3 text-gray-500">
                  {formatDateTime(key.createdAt, workspace.timezone)}
                  <span className="block text-xs">{key.createdByEmail ?? 'CLI'}</span>
                </td>
                <td className="px-3 py-3 text-gray-500">{formatRelative(key.lastUsedAt)}</td>
                <td className="px-6 py-3 text-right">
                  {key.revokedAt ? <span className="text-xs font-medium text-gray-500">Revoked</span> : <RevokeApiKeyButton id={key.id} name={key.name} />}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <CreateApiKeyForm />
    </div>
  );
}
