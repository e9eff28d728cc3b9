/** The Funnels page of a workspace without funnels: what a funnel shows, with an example. */
const EXAMPLE = [
  ['Conversation started', '1,000'],
  ['3+ user messages', '640'],
  ['Tool lookup_order', '310'],
  ['Goal: Lead captured', '120'],
];

export function NoFunnels({ canEdit }: { canEdit: boolean }) {
  return (
    <section className="grid gap-6 rounded-xl border border-dashed border-gray-300 bg-white px-8 py-8 md:grid-cols-[minmax(0,1fr)_18rem]">
      <div>
        <h2 className="text-base font-semibold text-gray-900">No funnels yet</h2>
        <p className="mt-2 max-w-xl text-sm text-gray-500">
          A funnel follows conversations through 2 to 8 steps in order — the conversation starts, the user writes a few messages, the avatar calls a tool, a custom
          event fires, a goal is reached — and shows how many conversations reach each step and where they drop off.
        </p>
        <p className="mt-3 text-sm text-gray-500">{canEdit ? 'Build one below; you can change it at any time, and it counts your existing conversations at once.' : 'Ask a member of this workspace to build one.'}</p>
      </div>
      <ol aria-label="Example funnel" className="space-y-1.5 text-xs text-gray-600">
        {EXAMPLE.map(([label, n], i) => (
          <li key={label}>
            <div className="flex justify-between">
              <span>{label}</span>
              <span className="tabular-nums">{n}</span>
            </div>
            <div className="mt-0.5 h-2 rounded bg-indigo-200" style={{ width: `${[100, 64, 31, 12][i]}%` }} aria-hidden="true" />
          </li>
        ))}
      </ol>
    </section>
  );
}
