import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join, resolve } from 'node:path';

const frontend = resolve(import.meta.dirname, '..');
/** The build the tests run; A4B_FRONTEND_DIST: one elsewhere (`astro build --outDir ...`), beside someone else's dist/. */
export const dist = resolve(frontend, process.env.A4B_FRONTEND_DIST ?? 'dist');

/** The portal started as in production (`node server.mjs`), with these settings on top of the tests' environment. */
export function spawnPortal(settings: NodeJS.ProcessEnv, stdio: StdioOptions = 'ignore'): ChildProcess {
  return spawn(process.execPath, [join(frontend, 'server.mjs'), dist], { cwd: frontend, env: { ...process.env, ...settings }, stdio });
}
