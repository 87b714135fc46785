import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scatterPoints, clusterColours, labelSegments, nearestPoint, clampK, CLUSTER_COLOURS, defaultK, highlighted,
  pointStyles, shortened, GAP } from '../src/map.js';

const points = [[0, 0], [1, 0], [0, 2], [5, 5]];

test('points keep their sentence index and clusters pick repeating colours', () => {
  assert.deepEqual(scatterPoints(points)[2], { x: 0, y: 2, index: 2 });
  const colours = clusterColours([0, 1, 10]);
  assert.equal(colours[0], CLUSTER_COLOURS[0]);
  assert.equal(colours[1], CLUSTER_COLOURS[1]);
  assert.equal(colours[2], CLUSTER_COLOURS[0]);
});

test('labelled pairs become separate segments by label', () => {
  const { positive, negative } = labelSegments(points, [{ i: 0, j: 1, label: 1 }, { i: 2, j: 3, label: -1 },
    { i: 0, j: 9, label: 1 }]);
  assert.deepEqual(positive, [{ x: 0, y: 0 }, { x: 1, y: 0 }, GAP]);
  assert.deepEqual(negative, [{ x: 0, y: 2 }, { x: 5, y: 5 }, GAP]);
});

test('the nearest point within the radius is found, or none', () => {
  assert.equal(nearestPoint(points, 0.9, 0.1, 0.5), 1);
  assert.equal(nearestPoint(points, 3, 3, 0.5), -1);
});

test('k stays within 1..n', () => {
  assert.equal(clampK(0, 10), 1);
  assert.equal(clampK(50, 10), 10);
  assert.equal(clampK('4', 10), 4);
  assert.equal(clampK('x', 10), 2);
});

test('a selected pair lights up both sentences, a row one, nothing none', () => {
  assert.deepEqual(highlighted({ i: 3, j: 1 }), [3, 1]);
  assert.deepEqual(highlighted({ i: 2, j: 2 }), [2]);
  assert.deepEqual(highlighted(null), []);
});

test('lit points are larger and ringed in black, the others keep their cluster colour', () => {
  const styles = pointStyles(['#a', '#b', '#c'], [1]);
  assert.deepEqual(styles.radius, [3, 7, 3]);
  assert.deepEqual(styles.borderColor, ['#a', '#000000', '#c']);
  assert.deepEqual(styles.backgroundColor, ['#a', '#b', '#c']);
  assert.ok(styles.borderWidth[1] > styles.borderWidth[0]);
});

test('the first k is 5, or n for fewer sentences; tooltips cut long sentences', () => {
  assert.equal(defaultK(100), 5);
  assert.equal(defaultK(3), 3);
  assert.equal(shortened('abc', 5), 'abc');
  assert.equal(shortened('abcdefgh', 5), 'abcd…');
});
