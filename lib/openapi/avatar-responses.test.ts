/** Pins the documented avatar answers to the type lib/avatars returns. */
import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { Avatar } from '@/lib/avatars/service';
import * as a from './avatar-responses';

test('avatar answers equal lib/avatars’ type (checked by tsc)', () => {
  expectTypeOf<z.output<typeof a.avatarSchema>>().toEqualTypeOf<Avatar>();
  expectTypeOf<z.output<typeof a.avatarListSchema>>().toEqualTypeOf<{ data: Avatar[] }>();
});
