/** Pins the documented funnel answers to the shapes lib/funnels really answers with. */
import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { FunnelReport } from '@/lib/funnels/report';
import type { Funnel } from '@/lib/funnels/service';
import * as f from './funnel-responses';

test('funnel answers equal lib/funnels’ types (checked by tsc)', () => {
  expectTypeOf<z.output<typeof f.funnelSchema>>().toEqualTypeOf<Funnel>();
  expectTypeOf<Omit<z.output<typeof f.funnelReportSchema>, 'period'>>().toEqualTypeOf<FunnelReport>();
});
