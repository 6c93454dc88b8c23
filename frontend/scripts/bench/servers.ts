import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { manage, provideDemoDatabase } from '../../tests/demo-database.ts';

const frontend = resolve(import.meta.dirname, '../..');
// A4B_CMS_ROOT: the CMS's code from elsewhere (e.g. `git archive HEAD` unpacked), for when the shared working tree
// is half way through someone's edit; the virtualenv stays the working tree's.
export const root = resolve(process.env.A4B_CMS_ROOT ?? join(frontend, '..'));
const python = process.env.PYTHON ?? join(frontend, '../.venv/bin/python');

/** Where the bench's servers listen: ports of its own, so a `make demo` or a test run beside it is left alone. */
export interface Ports {
  /** The CMS as `make demo` runs it (runserver, DEBUG): the frontend's API, the admin's media, the webhooks. */
  cms: number;
  /** The CMS under gunicorn with 2 sync workers and DEBUG off: its own server-rendered pages, measured with wrk. */
  cmsPages: number;
  frontend: number;
}

export interface Servers {
  apiUrl: string;
  cmsPagesUrl: string;
  frontendUrl: string;
  /** Environment for `manage.py` and Python scripts against the bench's database. */
  cmsEnv: NodeJS.ProcessEnv;
  python: string;
  log: string;
  /** Starts the CMS's gunicorn (only the server benchmark needs it; it shares the two cores). */
  startCmsPages(): Promise<void>;
  stopCmsPages(): Promise<void>;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, name: string, log: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${readFileSync(log, 'utf8').slice(-4000)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 300));
  }
  throw new Error(`${name} did not answer ${url} within 120 s`);
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function refuseBusy(ports: Ports): Promise<void> {
  for (const port of Object.values(ports)) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') continue;
    }
    throw new Error(`Port ${port} is in use: stop what runs there or choose other ports (BENCH_PORTS=cms,cmsPages,frontend)`);
  }
}

/**
 * Everything the bench measures, started as `make demo` starts it: the CMS with the demo content on a throwaway
 * SQLite copy (`manage.py prepare_demo`, the template kept by the browser tests in var/e2e-cache), the webhook
 * worker looking for deliveries every 0.5 s, and the built frontend with the registered webhook's secret.
 */
export async function startServers(options: { ports: Ports; dist: string; cacheSeconds: number }): Promise<Servers> {
  const { ports, dist, cacheSeconds } = options;
  const entry = join(dist, 'server/entry.mjs');
  if (!existsSync(entry)) throw new Error(`No build at ${entry}: make frontend`);
  await refuseBusy(ports);
  const work = mkdtempSync(join(tmpdir(), 'a4b-bench-frontend-'));
  const apiUrl = `http://127.0.0.1:${ports.cms}`;
  const cmsPagesUrl = `http://127.0.0.1:${ports.cmsPages}`;
  const frontendUrl = `http://127.0.0.1:${ports.frontend}`;
  const webhookSecret = randomBytes(24).toString('hex');
  const settingsFor = (folder: string): NodeJS.ProcessEnv => ({
    ...process.env,
    DJANGO_SETTINGS_MODULE: 'cms.settings.dev',
    DATABASE_URL: `sqlite:///${join(folder, 'db.sqlite3')}`,
    MEDIA_ROOT: join(folder, 'media'),
    FILE_CACHE_DIR: join(work, 'cache'),
    REDIS_URL: '',
    FRONTEND_BASE_URL: frontendUrl,
    WAGTAILADMIN_BASE_URL: apiUrl,
    FRONTEND_WEBHOOK_SECRET: webhookSecret,
    // The bench's own requests (Lighthouse, the frontend rendering pages) must not meet the API's rate limit.
    API_THROTTLE_RATE: '100000000/second',
  });
  const cmsEnv = settingsFor(work);
  const log = join(work, 'servers.log');
  const output = openSync(log, 'a');
  const stdio: ['ignore', number, number] = ['ignore', output, output];
  const database = provideDemoDatabase({
    root,
    cache: process.env.A4B_E2E_CACHE ?? join(root, 'var/e2e-cache'),
    work,
    prepare: (folder) =>
      manage(python, root, ['prepare_demo', '--credentials-file', join(folder, 'demo-users.txt')], settingsFor(folder), {
        fd: output,
        path: log,
      }),
  });
  const prepare = ['prepare_demo', '--keep-users', '--frontend-webhook-url', `${frontendUrl}/api/webhooks/cms`];
  manage(python, root, prepare, cmsEnv, { fd: output, path: log });
  process.stderr.write(`Demo database ${database.built ? 'built' : 'copied'} into ${work}\n`);

  const cms = spawn(python, ['manage.py', 'runserver', `127.0.0.1:${ports.cms}`, '--noreload'], { cwd: root, env: cmsEnv, stdio });
  const workerArgs = ['--backend', 'webhooks', '--queue-name', 'webhooks', '--no-reload', '--interval', '0.5'];
  const worker = spawn(python, ['manage.py', 'db_worker', ...workerArgs], { cwd: root, env: cmsEnv, stdio });
  const portal = spawn(process.execPath, [join(frontend, 'server.mjs'), dist], {
    cwd: frontend,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(ports.frontend),
      API_URL: apiUrl,
      PUBLIC_API_URL: apiUrl,
      CMS_WEBHOOK_SECRET: webhookSecret,
      // Long enough that nothing expires during a run: only the webhooks drop answers.
      API_CACHE_SECONDS: String(cacheSeconds),
    },
    stdio,
  });
  let cmsPages: ChildProcess | undefined;
  const servers: Servers = {
    apiUrl,
    cmsPagesUrl,
    frontendUrl,
    cmsEnv,
    python,
    log,
    async startCmsPages() {
      // Production-like: DEBUG off, 2 sync workers as `make bench` runs the API; the demo's pages are Wagtail's own.
      const env = { ...cmsEnv, DEBUG: 'false', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' };
      const command = ['-m', 'gunicorn', 'cms.wsgi:application', '-b', `127.0.0.1:${ports.cmsPages}`, '-w', '2'];
      cmsPages = spawn(python, command, { cwd: root, env, stdio });
      await waitFor(`${cmsPagesUrl}/health/`, cmsPages, 'The CMS under gunicorn', log);
    },
    async stopCmsPages() {
      await stopProcess(cmsPages);
    },
    async stop() {
      await Promise.all([portal, worker, cms, cmsPages].map(stopProcess));
      rmSync(work, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(`${apiUrl}/api/v2/locales/`, cms, 'The CMS', log);
    await waitFor(`${frontendUrl}/`, portal, 'The frontend', log);
  } catch (error) {
    await servers.stop();
    throw error;
  }
  return servers;
}
