/** Platform tables (not tenant data). */
import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';

/** Fixed-window counters shared by every web process (login and API rate limits). */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Mail kept by the development transport when SMTP_URL is unset; shown at /dev/mail. */
export const devMail = pgTable('dev_mail', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  createdAt: createdAt(),
});

/** Stripe webhook event ids already applied, so a replay never applies twice. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  createdAt: createdAt(),
});
