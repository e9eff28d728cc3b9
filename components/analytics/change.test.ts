import { expect, test } from 'vitest';
import { computeChange, describeChange } from './change';

test('counts change relative to the previous period', () => {
  expect(computeChange(150, 100, 'count')).toEqual({ kind: 'relative', value: 0.5 });
  expect(describeChange(computeChange(150, 100, 'count'), 'up')).toMatchObject({ arrow: '↑', text: '50%', tone: 'good' });
  expect(describeChange(computeChange(80, 100, 'count'), 'up')).toMatchObject({ arrow: '↓', text: '20%', tone: 'bad' });
  expect(describeChange(computeChange(80, 100, 'count'), 'down')).toMatchObject({ arrow: '↓', tone: 'good' });
});

test('rates change in percentage points', () => {
  const change = computeChange(0.25, 0.2, 'rate');
  expect(change.kind).toBe('points');
  expect(describeChange(change, 'down')).toMatchObject({ arrow: '↑', text: '5.0 pts', tone: 'bad' });
});

test('a zero or missing previous value is said plainly', () => {
  expect(computeChange(5, 0, 'count')).toEqual({ kind: 'new' });
  expect(computeChange(0, 0, 'count')).toEqual({ kind: 'same' });
  expect(computeChange(null, 3, 'count')).toEqual({ kind: 'none' });
  expect(computeChange(0.3, null, 'rate')).toEqual({ kind: 'none' });
  expect(describeChange({ kind: 'new' }, 'up').text).toBe('new');
});

test('large relative changes are rounded', () => {
  expect(describeChange(computeChange(1234, 10, 'count'), 'neither')).toMatchObject({ text: '12,240%', tone: 'neutral' });
});
