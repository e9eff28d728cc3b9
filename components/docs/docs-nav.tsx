import type { TagGroup } from '@/lib/openapi/operations';
import { EVENTS_ANCHOR, eventAnchor } from './events-section';
import { MethodBadge } from './method-badge';

export const INTRO_SECTIONS = [
  { anchor: 'introduction', label: 'Introduction' },
  { anchor: 'authentication', label: 'Authentication' },
  { anchor: 'errors', label: 'Errors' },
  { anchor: 'rate-limits', label: 'Rate limits and sizes' },
  { anchor: 'idempotency', label: 'Idempotency' },
];

export function DocsNav({ groups, events = [] }: { groups: TagGroup[]; events?: string[] }) {
  return (
    <nav aria-label="API reference" className="space-y-6 text-sm">
      <div>
        <p className="px-3 text-xs font-semibold uppercase tracking-wide text-gray-400">Getting started</p>
        <ul className="mt-2 space-y-0.5">
          {INTRO_SECTIONS.map((s) => (
            <li key={s.anchor}>
              <a href={`#${s.anchor}`} className="block rounded-md px-3 py-1.5 text-gray-700 hover:bg-gray-100 hover:text-gray-900">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
      {groups.map((group) => (
        <div key={group.name}>
          <a href={`#${group.anchor}`} className="px-3 text-xs font-semibold uppercase tracking-wide text-gray-400 hover:text-gray-600">
            {group.name}
          </a>
          <ul className="mt-2 space-y-0.5">
            {group.operations.map((entry) => (
              <li key={entry.anchor}>
                <a href={`#${entry.anchor}`} className="flex items-start gap-2 rounded-md px-3 py-1.5 leading-snug text-gray-700 hover:bg-gray-100 hover:text-gray-900">
                  <MethodBadge method={entry.method} size="sm" />
                  <span>{entry.operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {events.length ? (
        <div>
          <a href={`#${EVENTS_ANCHOR}`} className="px-3 text-xs font-semibold uppercase tracking-wide text-gray-400 hover:text-gray-600">
            Webhook events
          </a>
          <ul className="mt-2 space-y-0.5">
            {events.map((type) => (
              <li key={type}>
                <a href={`#${eventAnchor(type)}`} className="block rounded-md px-3 py-1.5 font-mono text-xs text-gray-700 hover:bg-gray-100 hover:text-gray-900">
                  {type}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
