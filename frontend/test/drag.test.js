import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDrag, dragTo, dragCorners, DRAG_SLOP } from '../src/drag.js';

test('a press that moves a few pixels is a click; past the slop it is a drag, and stays one', () => {
  const drag = startDrag({ x: 100, y: 100 });
  assert.equal(dragTo(drag, { x: 103, y: 102 }), false);
  assert.equal(dragTo(drag, { x: 100 + DRAG_SLOP, y: 101 }), true);
  assert.equal(dragTo(drag, { x: 100, y: 100 }), true);
  assert.deepEqual([drag.x1, drag.y1], [100, 100]);
});

test('a drag past the canvas edge zooms to the edge', () => {
  const drag = startDrag({ x: 600, y: -20 });
  dragTo(drag, { x: 900, y: 300 });
  assert.deepEqual(dragCorners(drag, 640, 640), [{ x: 600, y: 0 }, { x: 639, y: 300 }]);
});
