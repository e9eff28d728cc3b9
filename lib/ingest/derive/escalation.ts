// Decides whether a tool call hands the conversation to a human (the workspace's escalation list).
export function isEscalationTool(name: string, escalationToolNames: string[]): boolean {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return false;
  return escalationToolNames.some((candidate) => candidate.trim().toLowerCase() === wanted);
}
