/**
 * The wizard's autosave (issue 9 item 1, "nothing a user uploads is lost"): every change is saved on the
 * server as it happens — at once for uploads and choices, after a short pause for typing — one save at a
 * time, always with the latest state (the last state wins; a change made during a save is sent right after
 * it). A failed save keeps the state, says why, and is retried (automatically when the network or server
 * failed, by 重试 otherwise). Leaving the page with something unsaved or an upload running asks first.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@shared/api-client';
import { errorMessage } from '@shared/feedback';

/** typing is saved after this pause ([ours]) */
export const AUTOSAVE_DEBOUNCE_MS = 800;
/** a save that failed on the network or the server is tried again after this long ([ours]) */
export const AUTOSAVE_RETRY_MS = 5_000;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; willRetry: boolean };

export interface Autosave<T> {
  state: SaveState;
  /** a new state: saved at once, or after AUTOSAVE_DEBOUNCE_MS when `debounce` (typing) */
  change(next: T, debounce?: boolean): void;
  /** saves what is not saved yet; true once everything changed so far is on the server */
  flush(): Promise<boolean>;
  /** something was saved by another request (the photo upload stores itself) */
  markSaved(): void;
  /** counts an upload in progress, so that leaving the page asks first */
  track<R>(upload: Promise<R>): Promise<R>;
  /** changes not yet on the server */
  dirty(): boolean;
  /** uploads still running */
  uploading(): boolean;
}

const retryable = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;

export function useAutosave<T>(save: (state: T) => Promise<unknown>): Autosave<T> {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<T | null>(null);
  const rev = useRef(0);
  const savedRev = useRef(0);
  const running = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const uploads = useRef(0);
  const saveRef = useRef(save);
  const mounted = useRef(true);
  useEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    if (running.current) return running.current;
    if (savedRev.current >= rev.current) return Promise.resolve(true);
    running.current = (async () => {
      try {
        // one request at a time; whatever changed while it ran goes in the next one
        while (savedRev.current < rev.current) {
          const target = rev.current;
          setState({ kind: 'saving' });
          try {
            await saveRef.current(latest.current as T);
          } catch (e) {
            const again = retryable(e) && !(e instanceof ApiError && e.signedOut);
            setState({ kind: 'error', message: errorMessage(e), willRetry: again });
            if (again && mounted.current) timer.current = setTimeout(() => void flush(), AUTOSAVE_RETRY_MS);
            return false;
          }
          savedRev.current = Math.max(savedRev.current, target);
        }
        setState({ kind: 'saved', at: new Date() });
        return true;
      } finally {
        // cleared before the promise settles, so a change made from now on starts a new run
        running.current = null;
      }
    })();
    return running.current;
  }, []);

  const change = useCallback(
    (next: T, debounce = false) => {
      latest.current = next;
      rev.current += 1;
      clearTimeout(timer.current);
      if (debounce) {
        if (!running.current) setState({ kind: 'pending' });
        timer.current = setTimeout(() => void flush(), AUTOSAVE_DEBOUNCE_MS);
      } else void flush();
    },
    [flush],
  );

  const markSaved = useCallback(() => {
    if (savedRev.current >= rev.current && !running.current) setState({ kind: 'saved', at: new Date() });
  }, []);

  const track = useCallback(<R>(upload: Promise<R>) => {
    uploads.current += 1;
    return upload.finally(() => {
      uploads.current -= 1;
    });
  }, []);

  const dirty = useCallback(() => savedRev.current < rev.current, []);
  const uploading = useCallback(() => uploads.current > 0, []);

  // closing or reloading the tab: send what is unsaved (keepalive outlives the page) and let the browser ask
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!dirty() && !uploading()) return;
      if (dirty()) void flush();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty, uploading, flush]);

  // leaving the wizard inside the app: the page's blocker waits for flush; whatever is still waiting for its
  // pause (a sign-out, an expired session) is sent now, and no retry outlives the page
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      if (dirty()) void flush();
    };
  }, [dirty, flush]);

  return { state, change, flush, markSaved, track, dirty, uploading };
}
