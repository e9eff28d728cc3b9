import { CopyButton } from '@/components/ui/copy-button';

export function CodeBlock({ code, title, copyLabel = 'Copy' }: { code: string; title: string; copyLabel?: string }) {
  return (
    <figure className="overflow-hidden rounded-lg bg-gray-900 ring-1 ring-gray-900/10">
      <figcaption className="flex items-center justify-between border-b border-white/10 px-4 py-2">
        <span className="text-xs font-medium text-gray-400">{title}</span>
        <CopyButton value={code} label={copyLabel} />
      </figcaption>
      <pre className="max-h-[28rem] overflow-auto p-4 font-mono text-xs leading-relaxed text-gray-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
