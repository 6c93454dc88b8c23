import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The demo database the browser tests start from, built once per version of what it is made of.
 *
 * Building it (migrate, then `load_demo` drawing its images and translating every page) takes one
 * to two minutes, most of the suite's set-up; the same inputs always give the same content. So the
 * first run keeps a prepared SQLite file and its media folder as a template under a cache folder,
 * named by a hash of its inputs, and every run works on a copy. A changed migration, demo content
 * file, loader or requirement changes the hash and builds a new template. What the hash misses is
 * still caught: each run's `prepare_demo` on the copy migrates what is pending and reloads demo
 * content that differs, it is only slower.
 */

const SKIPPED = new Set(['.git', '.venv', 'node_modules', 'frontend', 'var', 'media', 'static', 'test-artifacts', 'bench']);
/** The folders whose code builds the demo database beyond migrations: the demo package, and the validation app, whose
 * workflow `prepare_demo` drives to validate the demo's practices (demo/validations.py). */
const PREPARED_BY = ['demo', 'validation'];
/** How many templates to keep: the current one and a few others, for branches switched back and forth. */
const KEEP = 3;
/** A build folder older than this was left by a run that died; one still building is younger. */
const STALE_BUILD_MS = 60 * 60 * 1000;

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('__pycache__'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * What the demo database is made from: every app's migrations, the demo package (content, loader, images), the
 * apps whose code `prepare_demo` runs besides migrations (the validation check the demo's practices pass), the
 * requirements.
 */
export function demoDatabaseInputs(root: string): string[] {
  const apps = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name));
  const migrations = apps.flatMap((app) => filesUnder(join(root, app.name, 'migrations')).filter((file) => file.endsWith('.py')));
  const requirements = readdirSync(root)
    .filter((name) => /^requirements.*\.txt$/.test(name))
    .map((name) => join(root, name));
  const code = PREPARED_BY.flatMap((folder) => filesUnder(join(root, folder)));
  return [...new Set([...migrations, ...code, ...requirements].map((file) => relative(root, file)))].sort();
}

/** A short hash of the inputs' paths and contents: the template's name. */
export function demoDatabaseKey(root: string): string {
  const hash = createHash('sha256');
  for (const file of demoDatabaseInputs(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The files a template holds: the SQLite database and the media folder (the demo's images). */
function copyDatabase(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  cpSync(join(from, 'db.sqlite3'), join(to, 'db.sqlite3'));
  if (existsSync(join(from, 'media'))) cpSync(join(from, 'media'), join(to, 'media'), { recursive: true });
}

/** Removes templates beyond the most recently used few, and builds that died half way. */
function prune(cache: string, current: string) {
  const now = Date.now();
  const entries = readdirSync(cache).map((name) => ({ name, used: statSync(join(cache, name)).mtimeMs }));
  for (const entry of entries) {
    if (entry.name.startsWith('.build-') && now - entry.used > STALE_BUILD_MS) rmSync(join(cache, entry.name), { recursive: true, force: true });
  }
  const templates = entries.filter((entry) => entry.name.startsWith('demo-') && entry.name !== current).sort((a, b) => b.used - a.used);
  for (const entry of templates.slice(KEEP - 1)) rmSync(join(cache, entry.name), { recursive: true, force: true });
}

export interface DemoDatabase {
  /** Whether the template was built by this run (false: copied from the cache). */
  built: boolean;
  key: string;
  /** The template's folder: what `prepare` left there besides the database (e.g. the demo users' credentials). */
  template: string;
}

/**
 * Puts a copy of the prepared demo database into `work` (as `db.sqlite3` and `media/`), building
 * the template first when the cache has none for the current inputs. `prepare` runs
 * `manage.py prepare_demo` against a folder with the given settings.
 */
export function provideDemoDatabase(options: {
  root: string;
  cache: string;
  work: string;
  prepare: (folder: string) => void;
}): DemoDatabase {
  const { root, cache, work, prepare } = options;
  mkdirSync(cache, { recursive: true });
  const key = demoDatabaseKey(root);
  const name = `demo-${key}`;
  const template = join(cache, name);
  let built = false;
  if (!existsSync(join(template, 'db.sqlite3'))) {
    const building = join(cache, `.build-${key}-${process.pid}`);
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    try {
      prepare(building);
      try {
        // Atomic: a run starting meanwhile sees no template or a whole one.
        renameSync(building, template);
      } catch (error) {
        // Another run finished the same template first: its copy is as good as ours.
        if (!existsSync(join(template, 'db.sqlite3'))) throw error;
      }
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    built = true;
  }
  const now = new Date();
  utimesSync(template, now, now);
  copyDatabase(template, work);
  prune(cache, name);
  return { built, key, template };
}

/** `manage.py <args>` with the given environment; throws with the log when it fails. */
export function manage(python: string, root: string, args: string[], env: NodeJS.ProcessEnv, log: { fd: number; path: string }) {
  const result = spawnSync(python, ['manage.py', ...args], { cwd: root, env, stdio: ['ignore', log.fd, log.fd] });
  if (result.status !== 0) throw new Error(`manage.py ${args[0]} failed:\n${readFileSync(log.path, 'utf8')}`);
}
