import { describe, expect, it } from 'vitest';
import { toastForState } from './action-toast';

describe('toasts for form answers', () => {
  it('toast: a success says "Saved" with the action’s message, politely', () => {
    expect(toastForState({ ok: true, message: 'Evidence added.' })).toEqual({ tone: 'success', title: 'Saved', message: 'Evidence added.' });
    expect(toastForState({ ok: true, message: 'Link removed.' }, { successTitle: 'Removed' })?.title).toBe('Removed');
  });

  it('toast: a version conflict is told as one, with the message naming who changed what', () => {
    const toast = toastForState({ code: 'version_conflict', conflict: true, message: 'Ada Admin changed the status of 2015-R06 …' });
    expect(toast).toMatchObject({ tone: 'conflict', message: 'Ada Admin changed the status of 2015-R06 …' });
    expect(toast?.title).toMatch(/someone else changed this/);
  });

  it('toast: any other refusal is an error; no answer yet is no toast', () => {
    expect(toastForState({ code: 'invalid', message: 'Check the highlighted fields.', errors: { body: ['Enter the evidence.'] } })).toEqual({
      tone: 'error',
      title: 'Not saved',
      message: 'Check the highlighted fields.',
    });
    expect(toastForState({})).toBeNull();
  });
});
