import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real PostgreSQL server for tests and benches: Debian's `postgresql` package (initdb, pg_ctl)
 * on a temporary folder and a free loopback port, password authentication over TCP as a centre's
 * server would have it. As root the server runs as the `postgres` user (PostgreSQL refuses root).
 */
export interface TestPostgres {
  /** A superuser URL (the centre's administrator: migrate, add-centre). */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Stops and starts the server again (a PostgreSQL restart in the middle of a sync). */
  restart(): void;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'initdb')));
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
    if (newest) return path.join(root, newest, 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (found) return path.dirname(found);
  throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (the tests need initdb and pg_ctl)');
}

/** Whether a PostgreSQL server can be started here (tests that need one say so when it cannot). */
export function postgresAvailable(): boolean {
  try {
    binDir();
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function asServerUser(command: string, args: string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-pg-'));
  fs.chmodSync(base, 0o777);
  const dataDir = path.join(base, 'data');
  const password = crypto.randomBytes(12).toString('hex');
  const pwfile = path.join(base, 'pw');
  fs.writeFileSync(pwfile, password, { mode: 0o644 });
  if (isRoot) execFileSync('chown', ['-R', 'postgres', base]);
  asServerUser(path.join(bin, 'initdb'), [
    '-D', dataDir, '-U', 'postgres', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256',
    '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync',
  ]);
  fs.rmSync(pwfile);
  const port = await freePort();
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c shared_buffers=64MB`;
  const start = () => asServerUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', path.join(base, 'log'), '-w', 'start']);
  const stopServer = () => asServerUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  start();
  let running = true;
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    restart() {
      stopServer();
      start();
    },
    stop() {
      if (!running) return;
      running = false;
      try {
        stopServer();
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
