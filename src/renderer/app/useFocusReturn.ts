import { useEffect } from 'react';

const DIALOG = '[role="dialog"], [role="alertdialog"]';
/** A menu's items are gone once an item is chosen: its button is what opened the dialog. */
const NOT_AN_OPENER = `${DIALOG}, [role="menu"]`;
const MAIN_CONTENT = 'main-content';

/**
 * Focus goes back to what opened a dialog when it closes, for every dialog of the app. Mantine's
 * modals return focus themselves only when `opened` turns false; most of ours are mounted while
 * open and simply removed, which leaves focus on the page's body (a keyboard user starts again at
 * the top). So the app watches: the element focused before a dialog appeared is remembered, and
 * when the dialog goes and focus has fallen to the body, it returns there, or, when that control
 * is gone too (Stop on a timer that stopped), to the main content. A menu item that opens a
 * dialog ("Snooze…") is not remembered: the menu closes as the dialog opens, so focus returns to
 * the menu's button.
 */
export function useFocusReturn(): void {
  useEffect(() => {
    let lastOutside: HTMLElement | null = null;
    const openers = new Map<Element, HTMLElement | null>();

    function onFocusIn(event: FocusEvent) {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest(NOT_AN_OPENER)) lastOutside = target;
    }

    function restore(opener: HTMLElement | null) {
      // Mantine's own return (and a dialog that moved focus on purpose) wins.
      setTimeout(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        if (document.querySelector(DIALOG)) return;
        const target = opener?.isConnected ? opener : document.getElementById(MAIN_CONTENT);
        target?.focus();
      }, 0);
    }

    const observer = new MutationObserver(() => {
      const present = new Set(document.querySelectorAll(DIALOG));
      for (const dialog of present) if (!openers.has(dialog)) openers.set(dialog, lastOutside);
      for (const [dialog, opener] of openers) {
        if (present.has(dialog)) continue;
        openers.delete(dialog);
        restore(opener);
      }
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
