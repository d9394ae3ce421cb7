import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSetupCode, ensureSetupCode, newSetupCode, removeSetupCode, setupCodeBanner } from './setup-code';

const fileIn = () => path.join(mkdtempSync(path.join(tmpdir(), 'setup-code-')), 'data', 'setup-code');

describe('the one-time setup code', () => {
  it('is made once, kept readable only by the server’s user, and read back unchanged', () => {
    const file = fileIn();
    const first = ensureSetupCode(file);
    expect(first.created).toBe(true);
    expect(first.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureSetupCode(file)).toEqual({ code: first.code, created: false });
  });

  it('accepts the code however it is typed (case, spaces, dashes), and nothing else', () => {
    const file = fileIn();
    const { code } = ensureSetupCode(file);
    expect(checkSetupCode(code, file)).toBe(true);
    expect(checkSetupCode(` ${code.toLowerCase().replace(/-/g, ' ')} `, file)).toBe(true);
    expect(checkSetupCode(newSetupCode(), file)).toBe(false);
    expect(checkSetupCode('', file)).toBe(false);
  });

  it('once removed (the administrator exists), no code is accepted', () => {
    const file = fileIn();
    const { code } = ensureSetupCode(file);
    removeSetupCode(file);
    expect(checkSetupCode(code, file)).toBe(false);
  });

  it('is printed only to a terminal; output that is not (a journal, a container log) is told where the file is instead', () => {
    const file = fileIn();
    const { code } = ensureSetupCode(file);
    expect(setupCodeBanner(code, file, true)).toContain(code);
    const logged = setupCodeBanner(code, file, false);
    expect(logged).not.toContain(code);
    expect(logged).toContain(file);
  });

  it('codes differ from one another', () => {
    expect(new Set(Array.from({ length: 50 }, newSetupCode)).size).toBe(50);
  });
});
