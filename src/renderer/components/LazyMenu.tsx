import { Menu, type FloatingPosition } from '@mantine/core';
import { useId, useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import classes from './LazyMenu.module.css';

/** What the menu's button must carry: its role as a menu button, and the toggle. */
export interface MenuButtonProps {
  id: string;
  'aria-haspopup': 'menu';
  'aria-expanded': boolean;
  'aria-controls': string | undefined;
  onMouseDown: () => void;
  onClick: (event: MouseEvent) => void;
}

interface LazyMenuProps {
  /** The button that opens the menu, drawn with the given props spread on it. */
  renderButton: (props: MenuButtonProps) => ReactNode;
  /** The menu's items (Menu.Item, Menu.Divider), drawn only once it has been opened. */
  children: ReactNode;
  position?: FloatingPosition;
}

/**
 * A menu button whose Mantine Menu is mounted the first time it is opened. A closed Mantine Menu
 * still runs its popover and floating-position hooks on every render, and a list row carries one
 * (each deadline of the dashboard, of a case): that was about a fifth of the dashboard's first
 * render at 2,000 families (issue 14). The button is rendered here, never inside the Menu, so it
 * is the same element before and after (focus stays on it, and the menu gives focus back to it
 * on Escape); the Menu's own target is an invisible box laid over the button, for its position.
 * Keyboard and screen readers meet an ordinary menu button: Enter or Space opens the menu (arrow
 * keys then move through the items), the button says whether it is expanded and names the menu.
 */
export function LazyMenu({ renderButton, children, position = 'bottom-end' }: LazyMenuProps) {
  const buttonId = useId();
  const menuId = useId();
  const [isMounted, setIsMounted] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  // An open menu closes itself when the mouse goes down outside it, and the button is outside
  // it: the click that follows must then leave it closed, not open it again.
  const wasOpenAtMouseDown = useRef(false);
  // The first open mounts the Menu closed and opens it straight after (before the frame is
  // painted): the Menu notes where focus was as it opens, to give it back, and it notes nothing
  // when it is mounted already open.
  const isOpeningOnMount = useRef(false);
  useLayoutEffect(() => {
    if (!isMounted || !isOpeningOnMount.current) return;
    isOpeningOnMount.current = false;
    setIsOpen(true);
  }, [isMounted]);
  const button = renderButton({
    id: buttonId,
    'aria-haspopup': 'menu',
    'aria-expanded': isOpen,
    'aria-controls': isOpen ? `${menuId}-dropdown` : undefined,
    onMouseDown: () => {
      wasOpenAtMouseDown.current = isOpen;
    },
    onClick: (event) => {
      // A click from the keyboard (Enter, Space) has no mouse press before it: detail is 0.
      const wasOpen = event.detail > 0 ? wasOpenAtMouseDown.current : isOpen;
      if (isMounted) {
        setIsOpen(!wasOpen);
        return;
      }
      isOpeningOnMount.current = true;
      setIsMounted(true);
    },
  });
  return (
    <span className={classes.box}>
      {button}
      {isMounted && (
        <Menu id={menuId} opened={isOpen} onChange={setIsOpen} position={position} withinPortal>
          <Menu.Target>
            <span className={classes.anchor} aria-hidden="true" />
          </Menu.Target>
          <Menu.Dropdown aria-labelledby={buttonId}>{children}</Menu.Dropdown>
        </Menu>
      )}
    </span>
  );
}
