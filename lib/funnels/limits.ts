/** Funnel limits and step types, without the schemas' server-only imports, so the dashboard's client components can use them. */
export const MIN_STEPS = 2;
export const MAX_STEPS = 8;
export const MAX_USER_MESSAGES = 1000;

export const FUNNEL_STEP_TYPES = ['conversation_started', 'goal', 'event', 'tool', 'user_messages'] as const;
export type FunnelStepType = (typeof FUNNEL_STEP_TYPES)[number];
