/** Reads the document back as the docs page needs it: operations grouped by tag, and curl examples. */
import type { Example, HttpMethod, OpenApiDocument, OperationObject } from './types';

export type OperationEntry = { method: HttpMethod; path: string; operation: OperationObject; anchor: string };
export type TagGroup = { name: string; description: string; anchor: string; operations: OperationEntry[] };

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function groupOperationsByTag(doc: OpenApiDocument): TagGroup[] {
  const groups = doc.tags.map((t) => ({ ...t, anchor: `tag-${slug(t.name)}`, operations: [] as OperationEntry[] }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item) as [HttpMethod, OperationObject][]) {
      const group = groups.find((g) => g.name === operation.tags[0]);
      if (!group) throw new Error(`${method.toUpperCase()} ${path} has a tag that is not declared`);
      group.operations.push({ method, path, operation, anchor: `op-${operation.operationId}` });
    }
  }
  return groups.filter((g) => g.operations.length > 0);
}

export function requestExamples(operation: OperationObject): [string, Example][] {
  return Object.entries(operation.requestBody?.content['application/json']?.examples ?? {});
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** A runnable curl command for `operation`, path and query filled from the parameters' examples. */
export function curlCommand(origin: string, entry: OperationEntry, body?: unknown): string {
  const params = entry.operation.parameters ?? [];
  let path = entry.path;
  for (const p of params.filter((p) => p.in === 'path')) path = path.replace(`{${p.name}}`, encodeURIComponent(p.example ?? `<${p.name}>`));
  const query = new URLSearchParams(params.filter((p) => p.in === 'query' && p.example !== undefined).map((p) => [p.name, p.example!]));
  const url = `${origin}${path}${query.size ? `?${query}` : ''}`;
  const lines = [entry.method === 'get' ? `curl ${shellQuote(url)}` : `curl -X ${entry.method.toUpperCase()} ${shellQuote(url)}`, '-H "Authorization: Bearer $CONFAB_API_KEY"'];
  if (body !== undefined) lines.push('-H "Content-Type: application/json"', `-d ${shellQuote(JSON.stringify(body, null, 2))}`);
  return lines.join(' \\\n  ');
}
