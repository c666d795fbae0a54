import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * The embedded database's folder belongs to one server. Two servers on one folder both started
 * and half of one's acknowledged writes vanished (issue 18), so the folder is locked while a
 * server runs: a second one refuses to start and says which process holds it. A lock left by a
 * server that died (kill -9, power cut) is taken over at once when its process is gone on this
 * machine, otherwise when it has not been refreshed for `staleMs`.
 *
 * The folder holds personal data in clear text (the database's own files and its write-ahead
 * log), so only the server's own user may enter it: the folder is 0700 from the first start, so
 * nothing in it can be reached by another user. PGlite's file system gives the files it creates
 * mode 0666 whatever the umask; they are set to 0600 when the server starts and when it stops.
 */
export class DataFolderInUse extends Error {
  constructor(dir: string, owner: Owner | null) {
    super(
      `Datamappen ${dir} används redan av en annan Fristad-server` +
        (owner ? ` (process ${owner.pid} på ${owner.host}, startad ${owner.startedAt})` : '') +
        '. Stoppa den först, eller ange en annan mapp med FRISTAD_DATA_DIR.',
    );
    this.name = 'DataFolderInUse';
  }
}

type Owner = { pid: number; host: string; startedAt: string };

const staleMs = 20_000;
const ownerFile = (dir: string) => `${dir}.owner.json`;

const readOwner = (dir: string): Owner | null => {
  try {
    return JSON.parse(readFileSync(ownerFile(dir), 'utf8')) as Owner;
  } catch {
    return null;
  }
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Only the owner may enter: folders 0700, files 0600, all the way down. */
export const tightenModes = (dir: string) => {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tightenModes(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
};

/**
 * Claims the folder for this process: creates it private, locks it, and gives back the release.
 * `onLost` is told if the lock is taken from under us (the server must stop writing).
 */
export const claimDataFolder = async (
  dir: string,
  onLost: (error: Error) => void = (error) => {
    throw error;
  },
): Promise<() => Promise<void>> => {
  // Everything the server creates from now on is its own user's alone.
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tightenModes(dir);
  const options = { stale: staleMs, realpath: false, onCompromised: onLost };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = readOwner(dir);
    // The server that held it died on this machine: its lock is ours to take over now.
    if (!owner || owner.host !== hostname() || isAlive(owner.pid))
      throw new DataFolderInUse(dir, owner);
    rmSync(`${dir}.lock`, { recursive: true, force: true });
    try {
      release = await lockfile.lock(dir, options);
    } catch {
      throw new DataFolderInUse(dir, readOwner(dir));
    }
  }
  writeFileSync(
    ownerFile(dir),
    JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }),
    { mode: 0o600 },
  );
  return async () => {
    tightenModes(dir);
    rmSync(ownerFile(dir), { force: true });
    await release();
  };
};
