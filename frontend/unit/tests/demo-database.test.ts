import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { demoDatabaseInputs, demoDatabaseKey, provideDemoDatabase } from '../../tests/demo-database.ts';

/** A project tree with what the demo database is made of, and things it is not. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'a4b-demo-db-test-'));
  const files: Record<string, string> = {
    'practices/migrations/0001_initial.py': 'initial',
    'practices/migrations/__pycache__/0001_initial.cpython-313.pyc': 'bytecode',
    'practices/models.py': 'models',
    'demo/loader.py': 'loader',
    'demo/images.py': 'images',
    'demo/content/practices.yaml': 'practices',
    'validation/services.py': 'workflow',
    'validation/migrations/0001_initial.py': 'validation initial',
    'requirements.txt': 'wagtail==8',
    'requirements-dev.txt': 'pytest',
    'frontend/src/page.astro': 'page',
    'README.md': 'readme',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A stand-in for `manage.py prepare_demo`: writes a database and a media file, and counts its calls. */
function fakePrepare() {
  const calls: string[] = [];
  const prepare = (folder: string) => {
    calls.push(folder);
    writeFileSync(join(folder, 'db.sqlite3'), `database ${calls.length}`);
    mkdirSync(join(folder, 'media/images'), { recursive: true });
    writeFileSync(join(folder, 'media/images/demo.jpg'), 'jpeg');
  };
  return { calls, prepare };
}

test('the inputs are the migrations, the demo package, the validation app and the requirements, nothing else', () => {
  const root = project();
  try {
    assert.deepEqual(demoDatabaseInputs(root), [
      'demo/content/practices.yaml',
      'demo/images.py',
      'demo/loader.py',
      'practices/migrations/0001_initial.py',
      'requirements-dev.txt',
      'requirements.txt',
      'validation/migrations/0001_initial.py',
      'validation/services.py',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the key changes with an input and only with an input', () => {
  const root = project();
  try {
    const key = demoDatabaseKey(root);
    writeFileSync(join(root, 'practices/models.py'), 'models changed');
    writeFileSync(join(root, 'frontend/src/page.astro'), 'page changed');
    assert.equal(demoDatabaseKey(root), key);
    for (const [path, text] of [
      ['demo/content/practices.yaml', 'practices changed'],
      ['practices/migrations/0002_more.py', 'a new migration'],
      ['requirements.txt', 'wagtail==8.1'],
      ['demo/loader.py', 'loader changed'],
      ['validation/services.py', 'the check changed'],
    ]) {
      const before = demoDatabaseKey(root);
      writeFileSync(join(root, path!), text!);
      assert.notEqual(demoDatabaseKey(root), before, path);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the first run builds the template, the next copy it, a changed input builds a new one', () => {
  const root = project();
  const cache = join(root, 'var/e2e-cache');
  const runs = [1, 2, 3].map(() => mkdtempSync(join(tmpdir(), 'a4b-demo-db-run-')));
  const { calls, prepare } = fakePrepare();
  try {
    const first = provideDemoDatabase({ root, cache, work: runs[0]!, prepare });
    const second = provideDemoDatabase({ root, cache, work: runs[1]!, prepare });
    assert.equal(first.built, true);
    assert.equal(second.built, false);
    assert.equal(calls.length, 1);
    for (const run of runs.slice(0, 2)) {
      assert.equal(readFileSync(join(run, 'db.sqlite3'), 'utf8'), 'database 1');
      assert.equal(readFileSync(join(run, 'media/images/demo.jpg'), 'utf8'), 'jpeg');
    }
    // A run's copy is its own: writing to it leaves the template as it was.
    writeFileSync(join(runs[1]!, 'db.sqlite3'), 'changed by a test');
    writeFileSync(join(root, 'demo/content/practices.yaml'), 'one more practice');
    const third = provideDemoDatabase({ root, cache, work: runs[2]!, prepare });
    assert.equal(third.built, true);
    assert.notEqual(third.key, first.key);
    assert.equal(readFileSync(join(runs[2]!, 'db.sqlite3'), 'utf8'), 'database 2');
    assert.deepEqual(readdirSync(cache).sort(), [`demo-${first.key}`, `demo-${third.key}`].sort());
    assert.equal(readFileSync(join(cache, `demo-${first.key}`, 'db.sqlite3'), 'utf8'), 'database 1');
  } finally {
    for (const folder of [root, ...runs]) rmSync(folder, { recursive: true, force: true });
  }
});

test('a failed build leaves no template behind, so the next run builds again', () => {
  const root = project();
  const cache = join(root, 'var/e2e-cache');
  const work = mkdtempSync(join(tmpdir(), 'a4b-demo-db-run-'));
  try {
    assert.throws(() =>
      provideDemoDatabase({
        root,
        cache,
        work,
        prepare: (folder) => {
          writeFileSync(join(folder, 'db.sqlite3'), 'half a database');
          throw new Error('load_demo failed');
        },
      }),
    );
    assert.deepEqual(readdirSync(cache), []);
    const { calls, prepare } = fakePrepare();
    assert.equal(provideDemoDatabase({ root, cache, work, prepare }).built, true);
    assert.equal(calls.length, 1);
  } finally {
    for (const folder of [root, work]) rmSync(folder, { recursive: true, force: true });
  }
});
