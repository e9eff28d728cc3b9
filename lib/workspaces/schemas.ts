/** The workspace settings payload (Settings › General), shared by the server action and the form. */
import { z } from 'zod';

export const MAX_INACTIVITY_MINUTES = 1440;
export const MAX_ESCALATION_TOOLS = 50;
// The shape function-calling APIs accept for tool names, plus `.`, `:` and `/` for namespaced (MCP) tools.
const TOOL_NAME = /^[A-Za-z0-9_.:/-]{1,128}$/;

/** The IANA zones this runtime knows, plus UTC (the default, which the list leaves out). */
export function supportedTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

export function isSupportedTimeZone(value: string): boolean {
  return supportedTimeZones().includes(value);
}

/** Splits "a, b,,c" into unique trimmed names, keeping the first spelling of each. */
export function splitToolNames(value: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of value.split(/[,\n]/)) {
    const name = part.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names;
}

export const workspaceSettingsSchema = z.object({
  name: z.string().trim().min(2, 'Name the workspace (at least 2 characters)').max(80, 'Use at most 80 characters'),
  timezone: z.string().refine(isSupportedTimeZone, 'Choose a timezone from the list'),
  inactivityTimeoutMinutes: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number({ error: 'Enter a number of minutes' })
      .int('Enter whole minutes')
      .min(1, 'Use at least 1 minute')
      .max(MAX_INACTIVITY_MINUTES, `Use at most ${MAX_INACTIVITY_MINUTES} minutes (24 hours)`),
  ),
  escalationToolNames: z
    .string()
    .transform(splitToolNames)
    .pipe(
      z
        .array(z.string().regex(TOOL_NAME, { error: (issue) => `"${String(issue.input)}" is not a tool name: use letters, digits and _ - . : / (no spaces)` }))
        .max(MAX_ESCALATION_TOOLS, `List at most ${MAX_ESCALATION_TOOLS} tools`),
    ),
});

export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsSchema>;
export type WorkspaceSettingsValues = z.output<typeof workspaceSettingsSchema>;

/** A new workspace's name (its slug is made from it). */
export const newWorkspaceSchema = z.object({ name: z.string().trim().min(2, 'Name your workspace (at least 2 characters)').max(60) });

/** Deleting a workspace: its slug, typed to confirm. */
export const deleteWorkspaceSchema = z.object({ confirmSlug: z.string().trim().min(1, 'Type the slug to confirm').max(200) });
