import { Table } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Lists up to this long render every row: virtualizing a short list only costs. */
export const VIRTUALIZE_FROM_ROWS = 100;

/** What a row must carry so the list can measure it and assistive technology can place it. */
export interface VirtualRowProps {
  'data-index': number;
  'aria-rowindex': number;
  ref: (element: HTMLTableRowElement | null) => void;
}

interface VirtualTableBodyProps<T> {
  items: readonly T[];
  getKey: (item: T) => string | number;
  /** Renders one row (a <Table.Tr>) with the given props spread on it. */
  renderRow: (item: T, rowProps: VirtualRowProps) => ReactNode;
  /** Columns of the table, for the spacer rows. */
  columnCount: number;
  /** A typical row's height in px (wrapped text makes rows taller; each row is measured). */
  estimateRowHeight?: number;
  /** Header rows above the body (aria-rowindex of the first body row is this + 1). */
  headerRowCount?: number;
  /** A row shown before the list's rows (an entry row), counted in headerRowCount by the caller. */
  leadingRow?: ReactNode;
}

/**
 * The one virtualized table body (caseload, families, documents, timeline, delivery log, audit
 * log, time entries): only the rows in or near the window's view are in the DOM, between two
 * spacer rows that keep the scroll height, so a list of thousands scrolls and filters like one
 * of forty. Rows are measured as rendered, so wrapped text (taller rows) is fine. The table keeps
 * its roles: set `aria-rowcount={ariaRowCount(items.length)}` on the <Table>; each row carries its
 * aria-rowindex, so a screen reader announces "row 512 of 2,001". Short lists render every row.
 */
export function VirtualTableBody<T>({
  items,
  getKey,
  renderRow,
  columnCount,
  estimateRowHeight = 45,
  headerRowCount = 1,
  leadingRow,
}: VirtualTableBodyProps<T>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const isVirtual = items.length > VIRTUALIZE_FROM_ROWS;
  const { virtualizer, scrollMargin } = useWindowRows(
    bodyRef,
    isVirtual ? items.length : 0,
    (index) => getKey(items[index]!),
    estimateRowHeight,
    Boolean(leadingRow),
  );

  // One shape for both (the rows in the same place among the children), so a list that grows
  // past the threshold ("show all") keeps the rows it had instead of mounting them again.
  const rows = isVirtual ? virtualizer.getVirtualItems() : [];
  const before = rows.length > 0 ? rows[0]!.start - scrollMargin : 0;
  const after = rows.length > 0 ? virtualizer.getTotalSize() - (rows.at(-1)!.end - scrollMargin) : 0;
  return (
    <Table.Tbody ref={bodyRef}>
      {leadingRow}
      {before > 0 && <SpacerRow height={before} columnCount={columnCount} />}
      {isVirtual
        ? rows.map((row) =>
            renderRow(items[row.index]!, { 'data-index': row.index, 'aria-rowindex': row.index + headerRowCount + 1, ref: virtualizer.measureElement }),
          )
        : items.map((item, index) => renderRow(item, { 'data-index': index, 'aria-rowindex': index + headerRowCount + 1, ref: noRef }))}
      {after > 0 && <SpacerRow height={after} columnCount={columnCount} />}
    </Table.Tbody>
  );
}

/** The table's aria-rowcount: every row of the list, rendered or not, plus the header. */
export function ariaRowCount(itemCount: number, headerRowCount = 1): number {
  return itemCount + headerRowCount;
}

function noRef(): void {}

function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columnCount} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * The virtualizer behind both components: rows of the window's scroll, starting where the
 * container's rows start on the page (below the filters, further down a page), checked after
 * every render since what is above may have changed.
 */
function useWindowRows(
  container: RefObject<HTMLElement | null>,
  count: number,
  keyOf: (index: number) => string | number,
  estimate: number,
  hasLeadingRow: boolean,
) {
  // Measured after every render, short lists included: when a list becomes long ("show all"),
  // its first virtual render already knows where it starts, instead of rendering the wrong rows
  // once and correcting them. Only a long list re-renders when the place moves.
  const measured = useRef<number | null>(null);
  const [measuredWhileVirtual, setMeasuredWhileVirtual] = useState<number | null>(null);
  const scrollMargin = measuredWhileVirtual ?? measured.current ?? 0;
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const lead = hasLeadingRow ? element.firstElementChild : null;
    const top = element.getBoundingClientRect().top + window.scrollY + (lead ? lead.getBoundingClientRect().height : 0);
    measured.current = top;
    if (count > 0 && Math.abs(top - scrollMargin) > 1) setMeasuredWhileVirtual(top);
  });
  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => estimate, overscan: 8, scrollMargin, getItemKey: keyOf });
  return { virtualizer, scrollMargin };
}

/** What an item of a virtual list must carry: its place in the whole list. */
export interface VirtualItemProps {
  'aria-posinset': number;
  'aria-setsize': number;
}

interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string | number;
  /** Renders one item (an element with role="listitem") with the given props spread on it. */
  renderItem: (item: T, itemProps: VirtualItemProps, index: number) => ReactNode;
  label: string;
  estimateItemHeight?: number;
}

/**
 * The same for lists (the timeline): role="list", each item announced as "512 of 2,000"
 * (aria-posinset/aria-setsize); short lists render whole.
 */
export function VirtualList<T>({ items, getKey, renderItem, label, estimateItemHeight = 80 }: VirtualListProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const isVirtual = items.length > VIRTUALIZE_FROM_ROWS;
  const { virtualizer, scrollMargin } = useWindowRows(listRef, isVirtual ? items.length : 0, (index) => getKey(items[index]!), estimateItemHeight, false);
  const props = (index: number): VirtualItemProps => ({ 'aria-posinset': index + 1, 'aria-setsize': items.length });
  if (!isVirtual) {
    return (
      <div ref={listRef} role="list" className="row-list" aria-label={label}>
        {items.map((item, index) => (
          <Fragment key={getKey(item)}>{renderItem(item, props(index), index)}</Fragment>
        ))}
      </div>
    );
  }
  const rows = virtualizer.getVirtualItems();
  const before = rows.length > 0 ? rows[0]!.start - scrollMargin : 0;
  const after = rows.length > 0 ? virtualizer.getTotalSize() - (rows.at(-1)!.end - scrollMargin) : 0;
  return (
    <div ref={listRef} role="list" className="row-list" aria-label={label}>
      {before > 0 && <div aria-hidden="true" style={{ height: before }} />}
      {rows.map((row) => (
        // A plain wrapper the virtualizer measures; the item inside keeps its listitem role.
        <div key={row.key} data-index={row.index} ref={virtualizer.measureElement}>
          {renderItem(items[row.index]!, props(row.index), row.index)}
        </div>
      ))}
      {after > 0 && <div aria-hidden="true" style={{ height: after }} />}
    </div>
  );
}
