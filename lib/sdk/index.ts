// Public API of the Confab SDK (browser and Node 20+; no server-side imports).
export { createClient } from './client';
export type { ClientOptions, ConfabClient, ConfabQueue, TrackOptions } from './client';
export type { BatchOptions } from './batch-queue';
export { MAX_BATCH_BYTES, MAX_BATCH_ITEMS } from './batch-queue';
export type { RetryOptions } from './transport';
export { ConfabError } from './errors';
export { trackAvatar, GOAL_COMPLETED_EVENT } from './track-avatar';
export type {
  AvatarCallbacks,
  AvatarConversation,
  AvatarConversationEnd,
  AvatarGoal,
  AvatarMessage,
  ClientGoal,
  ClientGoalTrigger,
  GoalRole,
  TrackAvatarOptions,
} from './track-avatar';
export type * from './types';
