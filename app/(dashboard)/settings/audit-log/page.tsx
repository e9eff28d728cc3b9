import type { Metadata } from 'next';
import Link from 'next/link';
import { listMembers } from '@/db/queries/accounts';
import { listApiKeys } from '@/db/queries/api-keys';
import { listAuditActions, listAuditLogPage, type AuditLogRow } from '@/db/queries/audit-log-page';
import { AuditLogFilterForm, type ActorOption } from '@/components/settings/audit-log-filters';
import { AuditLogTable, type AuditLogTableRow } from '@/components/settings/audit-log-table';
import { Alert } from '@/components/ui/alert';
import { auditLogQuery, parseAuditLogPageQuery, type SearchParams } from '@/lib/audit/page-query';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSessionContext } from '@/components/shell/session-context';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;
const pagerLink = 'rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 hover:bg-gray-50';

function actorOf(row: AuditLogRow): Pick<AuditLogTableRow, 'actor' | 'actorDetail'> {
  if (row.actorApiKeyId) return { actor: row.keyName ? `API key “${row.keyName}”` : 'API key (deleted)', actorDetail: row.keyPrefix ? `${row.keyPrefix}…` : null };
  if (row.actorUserId) return { actor: row.actorEmail ?? 'Former user', actorDetail: null };
  return { actor: 'Confab', actorDetail: 'automatic' };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { workspace, role } = await requireSessionContext('/settings/audit-log');
  if (!roleAtLeast(role, 'admin')) {
    return <Alert tone="info">Only admins and owners of {workspace.name} can see its audit log.</Alert>;
  }
  const { filters, cursor, notice } = parseAuditLogPageQuery(await searchParams);
  const [page, actions, members, keys] = await Promise.all([
    listAuditLogPage(workspace.id, filters, { timezone: workspace.timezone, cursor, limit: PAGE_SIZE }),
    listAuditActions(workspace.id),
    listMembers(workspace.id),
    listApiKeys(workspace.id),
  ]);
  const actors: ActorOption[] = [
    ...members.map((m) => ({ value: `user:${m.userId}`, label: m.email })),
    ...keys.map((k) => ({ value: `key:${k.id}`, label: `API key “${k.name}” (${k.prefix}…)` })),
  ];
  const rows: AuditLogTableRow[] = page.rows.map((row) => ({
    id: String(row.id),
    timeLabel: formatDateTime(row.createdAt, workspace.timezone),
    timeIso: row.createdAt.toISOString(),
    ...actorOf(row),
    action: row.action,
    target: row.targetType ? `${row.targetType}${row.targetId ? ` ${row.targetId}` : ''}` : row.targetId,
    ip: row.ip,
  }));
  const filtered = Object.values(filters).some((v) => v !== null);
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-base font-semibold text-gray-900">Audit log</h2>
        <p className="mt-1 text-sm text-gray-500">Every change to members, keys, webhooks, alerts, goals, avatars, settings and data, newest first. Times in {workspace.timezone}.</p>
      </div>
      <AuditLogFilterForm filters={filters} actors={actors} actions={actions} />
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {rows.length > 0 ? (
        <AuditLogTable rows={rows} />
      ) : (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-8 text-center text-sm text-gray-500">
          {cursor ? 'No older entries.' : filtered ? 'No entries match these filters.' : 'Nothing has been changed in this workspace yet.'}
        </p>
      )}
      <nav aria-label="Audit log pages" className="flex justify-end gap-2">
        {cursor ? <Link href={`/settings/audit-log${auditLogQuery(filters)}`} className={pagerLink}>Newest</Link> : null}
        {page.next ? <Link href={`/settings/audit-log${auditLogQuery(filters, page.next)}`} className={pagerLink}>Older entries</Link> : null}
      </nav>
    </div>
  );
}
