/** The seed's three example goals, one click from a prefilled form, and the way to a custom goal. */
import Link from 'next/link';
import { Badge } from '@/components/transcripts/badges';

export type TemplateCard = { key: string; name: string; description: string; rule: string; href: string; added: boolean };

const linkStyle = 'inline-flex items-center rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm';

export function TemplateGallery({ templates, customHref }: { templates: TemplateCard[]; customHref: string }) {
  return (
    <section aria-labelledby="goal-templates" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <h2 id="goal-templates" className="text-sm font-semibold text-gray-900">
        Add a goal
      </h2>
      <p className="mt-0.5 text-xs text-gray-500">Start from a template — you can rename it and pick an avatar — or write your own trigger.</p>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {templates.map((t) => (
          <li key={t.key} className="flex flex-col rounded-lg p-4 ring-1 ring-inset ring-gray-200">
            <p className="text-sm font-semibold text-gray-900">{t.name}</p>
            <p className="mt-1 text-sm text-gray-600">{t.description}</p>
            <p className="mt-2 line-clamp-2 flex-1 text-xs text-gray-500">{t.rule}</p>
            <div className="mt-3 flex items-center gap-2">
              <Link href={t.href} scroll={false} aria-label={`Use template ${t.name}`} className={`${linkStyle} bg-indigo-600 text-white hover:bg-indigo-500`}>
                Use template
              </Link>
              {t.added ? <Badge color="green">In use</Badge> : null}
            </div>
          </li>
        ))}
        <li className="flex flex-col rounded-lg border border-dashed border-gray-300 p-4">
          <p className="text-sm font-semibold text-gray-900">Custom goal</p>
          <p className="mt-1 flex-1 text-sm text-gray-600">A pattern or phrases in messages, a custom event, a tool call, or ending without escalation.</p>
          <div className="mt-3">
            <Link href={customHref} scroll={false} className={`${linkStyle} bg-white text-gray-900 ring-1 ring-inset ring-gray-300 hover:bg-gray-50`}>
              Create custom goal
            </Link>
          </div>
        </li>
      </ul>
    </section>
  );
}
