import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameAncestors } from '../../src/api/framing.ts';

test('the preview may be framed by the configured admin origins, paths and duplicates dropped', () => {
  assert.equal(
    frameAncestors('http://127.0.0.1:8000/admin/, http://localhost:8000  http://127.0.0.1:8000', 'https://cms.example.org'),
    'frame-ancestors http://127.0.0.1:8000 http://localhost:8000',
  );
});

test('without a configured origin, by the public API URL’s origin, where the admin lives', () => {
  assert.equal(frameAncestors('', 'https://cms.example.org/api/'), 'frame-ancestors https://cms.example.org');
});

test('nothing usable configured: framed by nobody rather than anybody', () => {
  assert.equal(frameAncestors('not a url', 'also not'), "frame-ancestors 'none'");
});
