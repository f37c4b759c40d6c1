import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { SaveState } from './SaveActions';

/** A draft turned into the value to save, or the messages explaining why it cannot be. */
export type Validation<V, E> = { ok: true; value: V } | { ok: false; errors: E };

/** Where the draft's first value comes from: given, or read (again whenever `source` changes). */
export type DraftStart<D> = { initial: D } | { source: unknown; read: () => Promise<D>; fallback: () => D };

export interface DraftOptions<D, V, E> {
  start: DraftStart<D>;
  validate: (draft: D) => Validation<V, E>;
  /** Stores the value; resolves to the draft of what was actually stored. */
  save: (value: V) => Promise<D>;
  noErrors: E;
}

export interface Draft<D, E> {
  /** null until the first value has been read. */
  draft: D | null;
  errors: E;
  state: SaveState;
  busy: boolean;
  /** A change by the user: earlier errors and outcomes no longer describe the draft. */
  edit: (next: D) => void;
  submit: (event?: FormEvent) => void;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The draft / errors / busy / outcome cycle every options form goes through: edit freely,
 * validate on save, show what is wrong without losing what was typed, store what is right.
 */
export function useDraft<D, V, E>({ start, validate, save, noErrors }: DraftOptions<D, V, E>): Draft<D, E> {
  const [draft, setDraft] = useState<D | null>('initial' in start ? start.initial : null);
  const [errors, setErrors] = useState<E>(noErrors);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  // The latest reader, so an inline function does not re-read on every render.
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  const source = 'source' in start ? start.source : null;

  useEffect(() => {
    const current = startRef.current;
    if (!('read' in current)) return;
    let alive = true;
    current
      .read()
      .then((value) => alive && setDraft(value))
      // Unreadable storage still leaves an editable form; saving will report the real error.
      .catch(() => alive && setDraft(current.fallback()));
    return () => {
      alive = false;
    };
  }, [source]);

  const edit = useCallback(
    (next: D) => {
      setDraft(next);
      setErrors(noErrors);
      setState({ kind: 'idle' });
    },
    [noErrors],
  );

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null || busy) return;
    const result = validate(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setState({ kind: 'invalid' });
      return;
    }
    setBusy(true);
    save(result.value)
      .then((stored) => {
        setDraft(stored);
        setState({ kind: 'saved' });
      })
      .catch((error: unknown) => setState({ kind: 'failed', reason: reasonOf(error) }))
      .finally(() => setBusy(false));
  };

  return { draft, errors, state, busy, edit, submit };
}
