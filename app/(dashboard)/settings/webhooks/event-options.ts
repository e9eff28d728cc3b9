/** The event checkboxes' types and lines, built on the server (events.ts is server code). */
import { EVENT_DESCRIPTIONS, EVENT_TYPES } from '@/lib/webhooks/events';

export const eventOptions = () => EVENT_TYPES.map((type) => ({ type, description: EVENT_DESCRIPTIONS[type] }));
