// The SDK's request types are the server's schema inputs, Date objects aside. Checked by `tsc --noEmit`
// (expectTypeOf does nothing at runtime), so a drift fails the typecheck.
import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type * as schemas from '../ingest/parse/schemas';
import type { ActionInput, BatchItem, BatchItemType, BatchRequest, ConversationInput, EndInput, EventInput, MessageInput } from './types';

/** What goes on the wire: the client's JSON.stringify turns Date objects into ISO strings. */
type Sent<T> = { [K in keyof T]: Exclude<T[K], Date> };
type Input<S extends z.ZodType> = z.input<S>;

test('each single endpoint body is what its schema accepts', () => {
  expectTypeOf<Sent<ConversationInput>>().toEqualTypeOf<Input<typeof schemas.conversationBodySchema>>();
  expectTypeOf<Sent<MessageInput>>().toEqualTypeOf<Input<typeof schemas.messageBodySchema>>();
  expectTypeOf<Sent<ActionInput>>().toEqualTypeOf<Input<typeof schemas.actionBodySchema>>();
  expectTypeOf<Sent<EndInput>>().toEqualTypeOf<Input<typeof schemas.endBodySchema>>();
  expectTypeOf<Sent<EventInput>>().toEqualTypeOf<Input<typeof schemas.eventBodySchema>>();
});

test('the SDK accepts Date objects for every date-time field', () => {
  expectTypeOf<Date>().toExtend<NonNullable<ConversationInput['startedAt']>>();
  expectTypeOf<Date>().toExtend<NonNullable<MessageInput['createdAt']>>();
  expectTypeOf<Date>().toExtend<NonNullable<ActionInput['startedAt']>>();
  expectTypeOf<Date>().toExtend<NonNullable<EndInput['endedAt']>>();
  expectTypeOf<Date>().toExtend<NonNullable<EventInput['timestamp']>>();
  expectTypeOf<Date>().toExtend<NonNullable<BatchItem['timestamp']>>();
});

test('each batch item type and body is what the batch schemas accept', () => {
  expectTypeOf<BatchItemType>().toEqualTypeOf<(typeof schemas.BATCH_ITEM_TYPES)[number]>();
  type SdkBodies = { [T in BatchItemType]: Sent<Extract<BatchItem, { type: T }>['body']> };
  type ServerBodies = { [T in BatchItemType]: Input<(typeof schemas.batchBodySchemas)[T]> };
  expectTypeOf<SdkBodies>().toEqualTypeOf<ServerBodies>();
  expectTypeOf<Sent<Omit<BatchItem, 'body'>>>().toEqualTypeOf<Omit<Input<typeof schemas.batchItemSchema>, 'body'>>();
  expectTypeOf<BatchItem['body']>().toExtend<Input<typeof schemas.batchItemSchema>['body']>();
  expectTypeOf<BatchRequest>().toExtend<Input<typeof schemas.batchRequestSchema>>();
});
