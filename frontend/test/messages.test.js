import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage, translator } from '../src/messages.js';

test('positional arguments replace {0}, {1}, and may repeat', () => {
  assert.equal(formatMessage('{0} \u00d7 {0} of {1}', [5, 'x']), '5 \u00d7 5 of x');
});

test('arguments are inserted as text, braces without a number stay', () => {
  assert.equal(formatMessage('a {x} {0}', ['{1}']), 'a {x} {1}');
});

test('translator looks the key up and shows an unknown key as itself', () => {
  const t = translator({ 'cosine': 'cosine {0}' });
  assert.equal(t('cosine', '0.500'), 'cosine 0.500');
  assert.equal(t('missing.key', 1), 'missing.key');
});
