import { Table } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

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
}

/**
 * The one virtualized table body (caseload, families, documents, timeline, delivery log, audit
 * log, time entries): only the rows in or near the window's view are in the DOM, between two
 * spacer rows that keep the scroll height, so a list of thousands scrolls and filters like one
 * of forty. Rows are measured as rendered, so wrapped text (taller rows) is fine. The table keeps
 * its roles: set `aria-rowcount={ariaRowCount(items.length)}` on the <Table>; each row carries its
 * aria-rowindex, so a screen reader announces "row 512 of 2,001". Short lists render every row.
 */
export function VirtualTableBody<T>({ items, getKey, renderRow, columnCount, estimateRowHeight = 45, headerRowCount = 1 }: VirtualTableBodyProps<T>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const isVirtual = items.length > VIRTUALIZE_FROM_ROWS;
  useLayoutEffect(() => {
    if (!isVirtual || !bodyRef.current) return;
    // Where the body starts on the page: the window scrolls, the list starts below the filters.
    setScrollMargin(bodyRef.current.getBoundingClientRect().top + window.scrollY);
  }, [isVirtual]);
  const virtualizer = useWindowVirtualizer({
    count: isVirtual ? items.length : 0,
    estimateSize: () => estimateRowHeight,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => getKey(items[index]!),
  });

  if (!isVirtual) {
    return (
      <Table.Tbody ref={bodyRef}>
        {items.map((item, index) => renderRow(item, { 'data-index': index, 'aria-rowindex': index + headerRowCount + 1, ref: noRef }))}
      </Table.Tbody>
    );
  }
  const rows = virtualizer.getVirtualItems();
  const before = rows.length > 0 ? rows[0]!.start - scrollMargin : 0;
  const after = rows.length > 0 ? virtualizer.getTotalSize() - (rows.at(-1)!.end - scrollMargin) : 0;
  return (
    <Table.Tbody ref={bodyRef}>
      {before > 0 && <SpacerRow height={before} columnCount={columnCount} />}
      {rows.map((row) =>
        renderRow(items[row.index]!, { 'data-index': row.index, 'aria-rowindex': row.index + headerRowCount + 1, ref: virtualizer.measureElement }),
      )}
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
