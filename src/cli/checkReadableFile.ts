import { statSync } from 'node:fs';
import { usageError } from './usageError.js';

/**
 * The size in bytes of a file the command is to read, or the command's error naming the file and
 * why it cannot be read (ENOENT, EACCES, not a file): one check for every engine.
 */
export function checkReadableFile(functionName: string, path: string): number {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    return stat.size;
  } catch (error) {
    throw usageError(functionName, 'a readable file', `${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'file');
  }
}
