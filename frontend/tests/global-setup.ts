import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { manage, provideDemoDatabase } from './demo-database';
import { dist, spawnPortal } from './portal-server';

const frontend = resolve(import.meta.dirname, '..');
// A4B_CMS_ROOT: the CMS's code from elsewhere (e.g. `git archive HEAD` unpacked), for when the shared working tree
// is half way through someone's edit; the virtualenv stays the working tree's.
const root = resolve(process.env.A4B_CMS_ROOT ?? join(frontend, '..'));
const python = process.env.PYTHON ?? join(frontend, '../.venv/bin/python');
/** Where prepared demo databases are kept between runs (see demo-database.ts); gitignored. */
const cache = process.env.A4B_E2E_CACHE ?? join(root, 'var/e2e-cache');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, process: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`${name} exited with ${process.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 300));
  }
  throw new Error(`${name} did not answer ${url} within 90 s`);
}

/**
 * The real thing, end to end: the CMS with the demo content on a throwaway SQLite database
 * and media folder, and the built frontend server reading the CMS's public API.
 */
export default async function globalSetup() {
  if (!existsSync(join(dist, 'server/entry.mjs'))) {
    throw new Error('Build the frontend first: make frontend');
  }
  const work = mkdtempSync(join(tmpdir(), 'a4b-portal-e2e-'));
  const [apiPort, frontendPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const frontendUrl = `http://127.0.0.1:${frontendPort}`;
  // The frontend's webhook receiver, registered in the CMS as `make demo` does (manage.py prepare_demo).
  const webhookSecret = randomBytes(24).toString('hex');
  // The portal signs its visitors' addresses for the API's form limits with this secret (PUBLIC_FORM_VISITOR_SECRET).
  const visitorSecret = randomBytes(24).toString('hex');
  // The CMS's outgoing mail, one file per message: the owners' outbox the "Ask about this practice" test reads.
  const mailDir = join(work, 'mail');
  // The CMS's settings for a database and media folder in `folder` (the run's copy, or a template being built).
  const settingsFor = (folder: string) => ({
    ...process.env,
    DJANGO_SETTINGS_MODULE: 'cms.settings.dev',
    DATABASE_URL: `sqlite:///${join(folder, 'db.sqlite3')}`,
    MEDIA_ROOT: join(folder, 'media'),
    FILE_CACHE_DIR: join(work, 'cache'),
    REDIS_URL: '',
    FRONTEND_BASE_URL: frontendUrl,
    WAGTAILADMIN_BASE_URL: apiUrl,
    FRONTEND_WEBHOOK_SECRET: webhookSecret,
    // Four slashes: django-environ drops the first of the path's, which would make it relative to the CMS's folder.
    EMAIL_URL: `filemail:///${mailDir}`,
    PUBLIC_FORM_VISITOR_SECRET: visitorSecret,
  });
  const cmsEnv = settingsFor(work);
  // The servers' logs go to files in the work folder; they are printed when something fails.
  const log = join(work, 'servers.log');
  const output = openSync(log, 'a');
  const stdio: ['ignore', number, number] = ['ignore', output, output];
  const started = Date.now();
  const database = provideDemoDatabase({
    root,
    cache,
    work,
    // The template: migrated, the demo content loaded, the demo users with a password kept beside the database.
    prepare: (folder) =>
      manage(python, root, ['prepare_demo', '--credentials-file', join(folder, 'demo-users.txt')], settingsFor(folder), {
        fd: output,
        path: log,
      }),
  });
  const copied = Date.now();
  // On the run's copy: migrations the template lacks (none, normally), the demo content checked, and this run's
  // webhook receiver; the users keep the template's password. A few seconds.
  const prepare = ['prepare_demo', '--keep-users', '--frontend-webhook-url', `${frontendUrl}/api/webhooks/cms`];
  manage(python, root, prepare, cmsEnv, { fd: output, path: log });
  const seconds = (from: number, to = Date.now()) => ((to - from) / 1000).toFixed(1);
  const where = relative(root, database.template);
  console.log(
    `Demo database: ${database.built ? `built into ${where} in ${seconds(started, copied)} s` : `copied from ${where}`}, ` +
      `prepared for this run in ${seconds(copied)} s`,
  );
  const cms = spawn(python, ['manage.py', 'runserver', `127.0.0.1:${apiPort}`, '--noreload'], {
    cwd: root,
    env: cmsEnv,
    stdio,
  });
  // Delivers the publish webhooks, looking for new ones as often as `make demo`'s worker does.
  const workerArgs = ['--backend', 'webhooks', '--queue-name', 'webhooks', '--no-reload', '--interval', '0.5'];
  const worker = spawn(python, ['manage.py', 'db_worker', ...workerArgs], { cwd: root, env: cmsEnv, stdio });
  const portal = spawnPortal(
    {
      HOST: '127.0.0.1',
      PORT: String(frontendPort),
      API_URL: apiUrl,
      PUBLIC_API_URL: apiUrl,
      CMS_WEBHOOK_SECRET: webhookSecret,
      PUBLIC_FORM_VISITOR_SECRET: visitorSecret,
    },
    stdio,
  );
  const stop = () => {
    portal.kill();
    worker.kill();
    cms.kill();
  };
  try {
    await waitFor(`${apiUrl}/api/v2/locales/`, cms, 'The CMS');
    await waitFor(`${frontendUrl}/`, portal, 'The frontend');
  } catch (error) {
    stop();
    console.error(readFileSync(log, 'utf8'));
    throw error;
  }
  process.env.A4B_API_URL = apiUrl;
  process.env.A4B_FRONTEND_URL = frontendUrl;
  // The demo users' password (admin, editor-pl, translator-cs, ...), and the webhook secret, for tests that need them.
  const users = readFileSync(join(database.template, 'demo-users.txt'), 'utf8');
  process.env.A4B_DEMO_PASSWORD = /^Password \(the same for all of them\): (\S+)$/m.exec(users)![1];
  process.env.A4B_WEBHOOK_SECRET = webhookSecret;
  process.env.A4B_MAIL_DIR = mailDir;
  return () => {
    stop();
    rmSync(work, { recursive: true, force: true });
  };
}
