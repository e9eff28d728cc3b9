/** zod schemas of the avatar answers, as lib/avatars/service returns them (avatar-responses.test.ts pins them). */
import { z } from 'zod';

export const avatarSchema = z.object({
  id: z.string().describe('Your avatar id, as conversations send it (`avt_…` when Confab generated it)'),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const avatarListSchema = z.object({ data: z.array(avatarSchema).describe('By name') });
