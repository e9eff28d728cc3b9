/**
 * Goal back-fills are queued in the goals table itself (`backfill_status = 'pending'`), so a queued
 * back-fill survives restarts and needs no second store. Workers claim them (lib/goals/backfill); a
 * NOTIFY wakes a listening worker at once, and workers also poll every few seconds.
 */
import { sql } from '@/db';

export const BACKFILL_CHANNEL = 'confab_goal_backfill';

/** Tells listening workers that a back-fill is waiting. Never fails the caller: workers poll anyway. */
export async function nudgeBackfill(): Promise<void> {
  try {
    await sql`SELECT pg_notify(${BACKFILL_CHANNEL}, '')`;
  } catch {
    // The poll picks the goal up.
  }
}
