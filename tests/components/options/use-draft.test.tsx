// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDraft, type DraftStart, type Validation } from '@/components/options/use-draft';

afterEach(() => {
  cleanup();
});

/** A draft of typed text that must be a whole number to save. */
const validate = (text: string): Validation<number, string> =>
  /^\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, errors: `not a number: ${text}` };

function setup(start: DraftStart<string>, save = vi.fn((n: number) => Promise.resolve(String(n * 10)))) {
  const hook = renderHook(({ s }) => useDraft({ start: s, validate, save, noErrors: '' }), { initialProps: { s: start } });
  return { ...hook, save };
}

describe('useDraft', () => {
  it('starts from a given value and saves what validates, taking the stored draft back', async () => {
    const { result, save } = setup({ initial: '4' });
    expect(result.current.draft).toBe('4');
    act(() => result.current.submit());
    expect(result.current.busy).toBe(true);
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'saved' }));
    expect(save).toHaveBeenCalledWith(4);
    expect(result.current.draft).toBe('40');
    expect(result.current.busy).toBe(false);
  });

  it('keeps an invalid draft as typed, with its errors, and saves nothing', () => {
    const { result, save } = setup({ initial: '1' });
    act(() => result.current.edit('1x'));
    act(() => result.current.submit());
    expect(result.current.draft).toBe('1x');
    expect(result.current.errors).toBe('not a number: 1x');
    expect(result.current.state).toEqual({ kind: 'invalid' });
    expect(save).not.toHaveBeenCalled();
  });

  it('clears errors and the last outcome as soon as the user edits again', () => {
    const { result } = setup({ initial: 'x' });
    act(() => result.current.submit());
    expect(result.current.errors).not.toBe('');
    act(() => result.current.edit('12'));
    expect(result.current.errors).toBe('');
    expect(result.current.state).toEqual({ kind: 'idle' });
  });

  it('reports a failed save with its reason and keeps the draft', async () => {
    const { result } = setup({ initial: '7' }, vi.fn(() => Promise.reject(new Error('quota exceeded'))));
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.state).toEqual({ kind: 'failed', reason: 'quota exceeded' }));
    expect(result.current.draft).toBe('7');
    expect(result.current.busy).toBe(false);
  });

  it('reads the first value, and falls back to an editable one when reading fails', async () => {
    const read = vi.fn(() => Promise.resolve('3'));
    const { result } = setup({ source: 'a', read, fallback: () => '0' });
    expect(result.current.draft).toBeNull();
    await waitFor(() => expect(result.current.draft).toBe('3'));

    const broken = setup({ source: 'b', read: () => Promise.reject(new Error('no storage')), fallback: () => '0' });
    await waitFor(() => expect(broken.result.current.draft).toBe('0'));
  });

  it('reads again when the source changes, not on every render', async () => {
    const read = vi.fn((): Promise<string> => Promise.resolve('5'));
    const { result, rerender } = setup({ source: 'one', read, fallback: () => '0' });
    await waitFor(() => expect(result.current.draft).toBe('5'));
    rerender({ s: { source: 'one', read, fallback: () => '0' } });
    expect(read).toHaveBeenCalledTimes(1);
    read.mockResolvedValueOnce('9');
    rerender({ s: { source: 'two', read, fallback: () => '0' } });
    await waitFor(() => expect(result.current.draft).toBe('9'));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('ignores a second submit while the first save is under way', async () => {
    let finish: (value: string) => void = () => undefined;
    const save = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const { result } = setup({ initial: '2' }, save);
    act(() => result.current.submit());
    act(() => result.current.submit());
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => finish('2'));
    expect(result.current.state).toEqual({ kind: 'saved' });
  });
});
