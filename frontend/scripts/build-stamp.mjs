// Whether frontend/dist was built from the sources as they are now, so `make demo` and
// `make frontend` skip a build that would change nothing.
//   node scripts/build-stamp.mjs --write   after a build (npm run build does it): record the sources' hash
//   node scripts/build-stamp.mjs --check   exit 0 when dist/ holds a build of the current sources
//   node scripts/build-stamp.mjs --forget  before a build: one that fails leaves no stamp behind
// A content hash rather than file times: a checkout or a touch that changes nothing does not rebuild,
// and a build made from other sources (an edit since undone) does not pass for this one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.sources.sha256');
const SOURCES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => files(join(root, source)))) {
    hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const [mode] = process.argv.slice(2);
if (mode === '--write') {
  writeFileSync(stamp, `${sourcesHash()}\n`);
} else if (mode === '--forget') {
  rmSync(stamp, { force: true });
} else if (mode === '--check') {
  const built = existsSync(stamp) && existsSync(join(root, 'dist/server/entry.mjs'));
  process.exit(built && readFileSync(stamp, 'utf8').trim() === sourcesHash() ? 0 : 1);
} else {
  console.error('usage: node scripts/build-stamp.mjs --write | --check | --forget');
  process.exit(2);
}
