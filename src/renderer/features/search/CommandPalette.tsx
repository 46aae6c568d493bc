import { Badge, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { Highlighted } from './Highlighted';
import { paletteItems, type PaletteItem } from './palette-items';
import { useSearch } from './useSearch';

interface CommandPaletteProps {
  opened: boolean;
  onClose: () => void;
}

function ItemRow({ item, id, isActive, onPick, onHover }: { item: PaletteItem; id: string; isActive: boolean; onPick: () => void; onHover: () => void }) {
  return (
    <UnstyledButton
      id={id}
      role="option"
      aria-selected={isActive}
      tabIndex={-1}
      onClick={onPick}
      onMouseMove={onHover}
      px="sm"
      py={8}
      data-testid="palette-item"
      style={{
        display: 'block',
        width: '100%',
        borderRadius: 'var(--mantine-radius-sm)',
        backgroundColor: isActive ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap">
        {item.badge && (
          <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
            {item.badge}
          </Badge>
        )}
        <Text size="sm" fw={500} truncate style={{ flex: 1, minWidth: 0 }}>
          <Highlighted text={item.label} />
        </Text>
        {item.detail && (
          <Text size="xs" c="dimmed" truncate maw="40%" style={{ minWidth: 0 }}>
            {item.detail}
          </Text>
        )}
      </Group>
      {item.snippet && (
        <Text size="xs" c="dimmed" truncate mt={2}>
          <Highlighted text={item.snippet} />
        </Text>
      )}
    </UnstyledButton>
  );
}

/** Ctrl/Cmd+K: type to jump to a page or to any record the search finds; arrows move, Enter opens, Escape closes. */
export function CommandPalette({ opened, onClose }: CommandPaletteProps) {
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  // Searched on each keystroke (issue 14: keystroke to hits under 100 ms); until the new text's
  // hits arrive the previous ones are not shown, so Enter never opens a hit of an older text.
  const search = useSearch(opened ? text : '', 12);
  const hits = text.trim() && !search.isPlaceholderData ? search.data : undefined;
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const items = paletteItems(text, hits);
  const active = Math.min(activeIndex, Math.max(0, items.length - 1));

  useEffect(() => setActiveIndex(0), [text, search.data]);
  useEffect(() => {
    if (!opened) setText('');
  }, [opened]);
  // Keys typed right after Ctrl+K can arrive before the modal has moved focus to its input:
  // they go to the input instead of being lost.
  useEffect(() => {
    if (!opened) return;
    function catchEarlyKeys(event: globalThis.KeyboardEvent) {
      if (document.activeElement === inputRef.current || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      setText((current) => current + event.key);
      inputRef.current?.focus();
    }
    window.addEventListener('keydown', catchEarlyKeys, true);
    return () => window.removeEventListener('keydown', catchEarlyKeys, true);
  }, [opened]);
  useEffect(() => {
    listRef.current?.querySelector(`[aria-selected="true"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function pick(item: PaletteItem | undefined) {
    if (!item) return;
    onClose();
    void navigate(item.path);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((active + 1) % Math.max(1, items.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((active - 1 + items.length) % Math.max(1, items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(items[active]);
    }
  }

  const groups = ['Go to', 'Results', 'Search'] as const;
  return (
    // The compound form, so the dialog itself carries its name (the plain Modal names it by a title).
    <Modal.Root opened={opened} onClose={onClose} size="xl" padding={0} yOffset="10vh" radius="md" transitionProps={{ duration: 0 }}>
      <Modal.Overlay />
      <Modal.Content aria-label="Command palette">
        <TextInput
          ref={inputRef}
          placeholder="Go to a page or search the vault…"
          aria-label="Search or jump to"
          role="combobox"
          aria-expanded
          aria-controls="command-palette-list"
          aria-activedescendant={items[active] ? `palette-${active}` : undefined}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={handleKeyDown}
          size="lg"
          variant="unstyled"
          px="md"
          data-autofocus
          autoComplete="off"
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        />
        <div style={{ maxHeight: '55vh', overflowY: 'auto' }}>
          <Stack gap={2} p="xs" id="command-palette-list" role="listbox" aria-label="Results" ref={listRef}>
            {groups.map((group) => {
              const inGroup = items.map((item, index) => ({ item, index })).filter(({ item }) => item.group === group);
              if (inGroup.length === 0) return null;
              return (
                <div key={group} role="group" aria-label={group}>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={6} pb={2}>
                    {group}
                  </Text>
                  {inGroup.map(({ item, index }) => (
                    <ItemRow
                      key={item.id}
                      id={`palette-${index}`}
                      item={item}
                      isActive={index === active}
                      onPick={() => pick(item)}
                      onHover={() => setActiveIndex(index)}
                    />
                  ))}
                </div>
              );
            })}
            {hits && hits.total === 0 && (
              <Text size="sm" c="dimmed" px="sm" py="xs">
                No records match “{text.trim()}”.
              </Text>
            )}
          </Stack>
        </div>
        <Group
          gap="md"
          px="md"
          py={8}
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
        >
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move · <Kbd size="xs">Enter</Kbd> to open · <Kbd size="xs">Esc</Kbd> to close
          </Text>
        </Group>
      </Modal.Content>
    </Modal.Root>
  );
}
