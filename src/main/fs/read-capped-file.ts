import { open, stat } from 'node:fs/promises';
import type { Result } from '../../shared/result';

const CHUNK_BYTES = 1024 * 1024;

/** Why {@link readCappedFile} did not read a file. */
export type CappedReadRefusal = 'not-a-file' | 'too-large';

/**
 * Reads a regular file of at most `limit` bytes as UTF-8, from outside the app or from its own
 * folders. Something that is not a file (a folder, or a named pipe that would block the read
 * forever) is refused before it is read, and at most `limit + 1` bytes are ever read, so an
 * oversized file, or one that grows while it is read, costs no more. I/O errors are thrown as
 * they come (their `code` says what is wrong; see {@link fsErrorCode}).
 */
export async function readCappedFile(file: string, limit: number): Promise<Result<string, CappedReadRefusal>> {
  // Checked by path before opening: opening a named pipe would itself wait for a writer.
  const info = await stat(file);
  if (!info.isFile()) return { ok: false, error: 'not-a-file' };
  if (info.size > limit) return { ok: false, error: 'too-large' };
  const handle = await open(file, 'r');
  try {
    // In chunks, so memory follows the file's real size, not the cap.
    const chunkBytes = Math.min(CHUNK_BYTES, info.size + 1);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(chunkBytes);
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return { ok: false, error: 'too-large' };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, value: Buffer.concat(chunks, length).toString('utf8') };
  } finally {
    await handle.close();
  }
}

/** A file-system error's code (ENOENT, EACCES…): it says what is wrong without a stack or the whole path. */
export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A refusal as the end of a sentence about the file: "is not a file", "is larger than 16 MB". */
export function describeRefusal(refusal: CappedReadRefusal, limit: number): string {
  return refusal === 'not-a-file' ? 'is not a file' : `is larger than ${String(limit / 1024 / 1024)} MB`;
}
