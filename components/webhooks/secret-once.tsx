import { Alert } from '@/components/ui/alert';
import { CopyButton } from '@/components/ui/copy-button';

/** A signing secret just made (create or rotate): shown here once, never again. */
export function SecretOnce({ secret, children }: { secret: string; children?: React.ReactNode }) {
  return (
    <div className="space-y-3" role="status">
      <Alert tone="success">
        Copy the signing secret now: <strong>you won’t see it again.</strong> {children}
      </Alert>
      <div className="flex items-center gap-2">
        <code data-testid="webhook-secret" className="min-w-0 flex-1 break-all rounded-md bg-gray-900 px-3 py-2 font-mono text-sm text-gray-100">
          {secret}
        </code>
        <CopyButton value={secret} label="Copy secret" />
      </div>
    </div>
  );
}
