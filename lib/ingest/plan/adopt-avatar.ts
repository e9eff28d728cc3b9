/**
 * When a conversation first heard of through a message (avatar `unknown`) is later named by a
 * get-or-create, the message and tool facts it already holds move to the named avatar's rollups.
 */
import type { ConversationEntry } from './item-outcomes';
import type { HourlyValues, RollupDeltas } from './rollup-deltas';

type MessageFacts = { conversation_id: string; bucket: Date; values: HourlyValues };
type ToolFacts = { conversation_id: string; bucket: Date; tool_name: string; calls: number; duration_sum_ms: number; duration_count: number; escalations: number };

export function moveStoredFacts(
  deltas: RollupDeltas,
  entries: Map<string, ConversationEntry>,
  messageFacts: MessageFacts[],
  toolFacts: ToolFacts[],
): void {
  const move = (conversationId: string, apply: (avatarId: string, sign: number) => void) => {
    const entry = entries.get(conversationId);
    if (!entry?.before || entry.before.avatarId === entry.state.avatarId) return;
    apply(entry.before.avatarId, -1);
    apply(entry.state.avatarId, 1);
  };
  for (const f of messageFacts) {
    move(f.conversation_id, (avatarId, sign) => deltas.addHourly(new Date(f.bucket), avatarId, f.values, sign));
  }
  for (const f of toolFacts) {
    move(f.conversation_id, (avatarId, sign) =>
      deltas.addTool(
        {
          at: new Date(f.bucket),
          avatarId,
          toolName: f.tool_name,
          calls: f.calls,
          durationSumMs: Number(f.duration_sum_ms),
          durationCount: f.duration_count,
          escalations: f.escalations,
        },
        sign,
      ),
    );
  }
}

