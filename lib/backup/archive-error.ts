import { DomainError } from '@/lib/errors';

/**
 * A file that is not a backup archive this build can restore: not an archive at all, truncated,
 * tampered with, or made by a newer version. Nothing has been written when it is thrown.
 */
export class ArchiveError extends DomainError {
  constructor(message: string, code = 'archive_invalid') {
    super(code, message);
  }
}
