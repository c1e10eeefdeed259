import fs from 'node:fs';

/**
 * fsync a file or a folder, so a rename that follows (a backup, a restore, an encrypted copy) is on
 * the disk before anyone relies on it. Some platforms cannot sync a folder; the file itself was.
 */
export function syncToDisk(target: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch {
    // A folder that cannot be synced on this platform.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
