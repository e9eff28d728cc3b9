/** Mail kept by the development transport when SMTP_URL is unset, shown to the sending workspace's admins at /dev/mail. */
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { workspaceRef } from './accounts';

export const devMail = pgTable(
  'dev_mail',
  {
    workspaceId: workspaceRef(),
    id: uuid('id').notNull().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** Extra headers the message was sent with (e.g. List-Unsubscribe). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('dev_mail_time_idx').on(t.workspaceId, t.createdAt)],
);

export type DevMail = typeof devMail.$inferSelect;
