import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atoi, isTruthy } from '../../server/src/config/truthiness';

test('a flag is off only for false/off/no (any case) or exactly 0', () => {
  for (const value of ['false', 'False', 'FALSE', '0', 'no', 'No', 'off', ' off ']) assert.equal(isTruthy(value), false, value);
});

test('everything else turns a flag on, including empty, "false", 0.0 and false ; comment', () => {
  for (const value of ['true', '1', 'yes', 'on', 'n', 'none', 'disabled', '0.0', '"false"', 'false ; comment', '', '00']) {
    assert.equal(isTruthy(value), true, JSON.stringify(value));
  }
});

test('integers are read like C atoi', () => {
  assert.equal(atoi('4'), 4);
  assert.equal(atoi(' 12abc'), 12);
  assert.equal(atoi('four'), 0);
  assert.equal(atoi(''), 0);
  assert.equal(atoi('-3'), -3);
});
