import { useEffect, useRef, useState } from 'react';

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * Saves a text a moment after typing stops, and at once when the editor goes away, so fast
 * typing in a meeting never waits on a round trip and nothing typed is lost on leaving the page.
 */
export function useAutosave(initial: string, save: (text: string) => Promise<unknown>, delayMs = 800) {
  const [text, setText] = useState(initial);
  const [state, setState] = useState<AutosaveState>('saved');
  const savedText = useRef(initial);
  const latest = useRef(initial);
  const saveRef = useRef(save);
  saveRef.current = save;

  async function flush() {
    const value = latest.current;
    if (value === savedText.current) return;
    setState('saving');
    try {
      await saveRef.current(value);
      savedText.current = value;
      setState(latest.current === value ? 'saved' : 'pending');
    } catch {
      setState('failed');
    }
  }

  useEffect(() => {
    if (text === savedText.current) return;
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
    // flush reads refs only; the timer restarts on each keystroke.
  }, [text, delayMs]);

  useEffect(
    () => () => {
      if (latest.current !== savedText.current) void saveRef.current(latest.current);
    },
    [],
  );

  function change(value: string) {
    latest.current = value;
    setText(value);
    setState(value === savedText.current ? 'saved' : 'pending');
  }

  return { text, change, state, flush };
}
