import { expect, test } from 'vitest';
import { SPRITE_PATH, worldGeometry } from './world-geometry';

test('every outline the map draws is a <use> of a path in the one versioned sprite', () => {
  const { shapes, sprite } = worldGeometry();
  expect(shapes.length).toBeGreaterThan(150);
  const versions = new Set(shapes.map((s) => new URL(s.href, 'http://x').searchParams.get('v')));
  expect(versions.size).toBe(1);
  for (const shape of shapes) {
    expect(shape.href.startsWith(`${SPRITE_PATH}?v=`)).toBe(true);
    const id = shape.href.split('#')[1];
    expect(sprite).toContain(`<path id="${id}" d="${shape.d}"/>`);
  }
  // The sprite carries no paint: each <use> sets its country's fill and stroke.
  expect(sprite).not.toMatch(/fill=|stroke=/);
});
