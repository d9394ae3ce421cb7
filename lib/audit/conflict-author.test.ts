import { describe, expect, it } from 'vitest';
import { conflictAuthor } from './conflict-author';

describe('conflictAuthor: who a 409 conflict names', () => {
  it('names the person, never their email', () => {
    expect(conflictAuthor({ actorLabel: 'vera@example.org', actor: { name: 'Vera Viewer' } })).toBe('Vera Viewer');
    expect(conflictAuthor({ actorLabel: 'vera@example.org', actor: null })).toBe('Someone');
    expect(conflictAuthor({ actorLabel: 'import script', actor: null })).toBe('import script');
    expect(conflictAuthor(null)).toBe('Someone');
  });
});
