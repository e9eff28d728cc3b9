/** Ways into an account besides its password: linked OAuth identities and e-mailed password-reset tokens. Platform tables. */
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { users } from './accounts';

/** A GitHub or Google identity, linked only from inside the signed-in account (never by matching e-mail). */
export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The provider's e-mail when linked, shown on the Account page so the user knows which identity it is. */
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), uniqueIndex('oauth_accounts_user_provider_uq').on(t.userId, t.provider)],
);

/** Only the SHA-256 of the e-mailed token is stored; a row is used once and is valid for an hour. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

export type OAuthAccount = typeof oauthAccounts.$inferSelect;
