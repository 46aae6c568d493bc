import { Menu, type FloatingPosition } from '@mantine/core';
import { useClickOutside } from '@mantine/hooks';
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import classes from './LazyMenu.module.css';

/** What the menu's button must carry: its role as a menu button, the toggle and a ref. */
export interface MenuButtonProps {
  id: string;
  'aria-haspopup': 'menu';
  'aria-expanded': boolean;
  'aria-controls': string | undefined;
  onClick: () => void;
  ref: (element: HTMLButtonElement | null) => void;
}

interface LazyMenuProps {
  /** The button that opens the menu, drawn with the given props spread on it. */
  renderButton: (props: MenuButtonProps) => ReactNode;
  /** The menu's items (Menu.Item, Menu.Divider), drawn only while the menu is open. */
  children: ReactNode;
  position?: FloatingPosition;
}

/** What Mantine's Menu closes on outside it (its own default): a press, a touch, a key. */
const OUTSIDE_EVENTS = ['mousedown', 'touchstart', 'keydown'];

/**
 * A menu button whose Mantine Menu is mounted while it is open. A closed Mantine Menu still runs
 * its popover and floating-position hooks on every render, and a list row carries one (each
 * deadline of the dashboard and of a case, each document): that was about a fifth of the
 * dashboard's first render at 2,000 families (issue 14). The button is rendered here, never inside
 * the Menu, so it is the same element before, during and after (focus stays on it, and the menu
 * gives focus back to it on Escape); the Menu's own target is an invisible box laid over the
 * button, for its position. Keyboard and screen readers meet an ordinary menu button: Enter or
 * Space opens the menu on its first item (the arrow keys move on), the button says whether it is
 * expanded and names the menu. A press outside the button and the menu closes it; the button is
 * not outside, so pressing it (mouse, touch, keys) toggles the menu.
 */
export function LazyMenu({ renderButton, children, position = 'bottom-end' }: LazyMenuProps) {
  const buttonId = useId();
  const menuId = useId();
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const [isMounted, setIsMounted] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const isOpenNow = useRef(false);
  isOpenNow.current = isOpen;
  // The Menu is mounted closed and opened straight after (before the frame is painted): it notes
  // where focus was as it opens, to give it back, and notes nothing when mounted already open.
  // Only the button mounts it (it unmounts itself once closed), so mounting means opening.
  useLayoutEffect(() => {
    if (isMounted) setIsOpen(true);
  }, [isMounted]);

  const toggle = () => (isMounted ? setIsOpen(!isOpen) : setIsMounted(true));
  return (
    <span className={classes.box}>
      {renderButton({
        id: buttonId,
        'aria-haspopup': 'menu',
        'aria-expanded': isOpen,
        'aria-controls': isOpen ? `${menuId}-dropdown` : undefined,
        onClick: toggle,
        ref: setButton,
      })}
      {isMounted && (
        <OpenMenu
          id={menuId}
          buttonId={buttonId}
          button={button}
          isOpen={isOpen}
          onChange={setIsOpen}
          // Gone once it has faded out (unless opened again meanwhile): a row keeps no menu, nor
          // its document listeners, after use.
          onClosed={() => setIsMounted(isOpenNow.current)}
          position={position}
        >
          {children}
        </OpenMenu>
      )}
    </span>
  );
}

interface OpenMenuProps {
  id: string;
  buttonId: string;
  button: HTMLButtonElement | null;
  isOpen: boolean;
  onChange: (isOpen: boolean) => void;
  onClosed: () => void;
  position: FloatingPosition;
  children: ReactNode;
}

function OpenMenu({ id, buttonId, button, isOpen, onChange, onClosed, position, children }: OpenMenuProps) {
  const [dropdown, setDropdown] = useState<HTMLDivElement | null>(null);
  useClickOutside(() => onChange(false), OUTSIDE_EVENTS, [button, dropdown]);
  return (
    <Menu id={id} opened={isOpen} onChange={onChange} position={position} withinPortal closeOnClickOutside={false} onExitTransitionEnd={onClosed}>
      <Menu.Target>
        <span className={classes.anchor} aria-hidden="true" />
      </Menu.Target>
      <Menu.Dropdown ref={setDropdown} aria-labelledby={buttonId}>
        {children}
      </Menu.Dropdown>
    </Menu>
  );
}
