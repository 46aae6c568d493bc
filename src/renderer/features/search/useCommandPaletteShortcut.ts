import { useEffect } from 'react';

/** Ctrl+K (⌘K on a Mac) anywhere in the app, even while typing in a field. */
export function useCommandPaletteShortcut(open: () => void): void {
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [open]);
}
