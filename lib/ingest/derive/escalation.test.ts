import { expect, test } from 'vitest';
import { isEscalationTool } from './escalation';

const defaults = ['fallback_to_human', 'open_ticket', 'ticket', 'contact_human'];

test('matches a listed tool name exactly', () => {
  expect(isEscalationTool('fallback_to_human', defaults)).toBe(true);
  expect(isEscalationTool('ticket', defaults)).toBe(true);
});

test('ignores case and surrounding whitespace on both sides', () => {
  expect(isEscalationTool('  Open_Ticket ', defaults)).toBe(true);
  expect(isEscalationTool('contact_human', [' CONTACT_HUMAN '])).toBe(true);
});

test('does not match partial names or unlisted tools', () => {
  expect(isEscalationTool('ticket_status', defaults)).toBe(false);
  expect(isEscalationTool('human', defaults)).toBe(false);
  expect(isEscalationTool('search_docs', defaults)).toBe(false);
});

test('never matches an empty name or an empty list', () => {
  expect(isEscalationTool('', defaults)).toBe(false);
  expect(isEscalationTool('  ', ['', ' '])).toBe(false);
  expect(isEscalationTool('ticket', [])).toBe(false);
});
