import { Badge, type BadgeProps } from '@mantine/core';
import type { TermStatus } from '@shared/compliance/types';
import { termStatusColor, termStatusLabel } from './agreement-format';

/** A term's or agreement's status; never truncated, however narrow its column. */
export function TermStatusBadge({
  status,
  variant = 'light',
  ...props
}: { status: TermStatus; variant?: BadgeProps['variant'] } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge
      color={termStatusColor(status)}
      variant={variant}
      tt="none"
      radius="sm"
      fw={600}
      style={{ overflow: 'visible', flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      {...props}
    >
      {termStatusLabel(status)}
    </Badge>
  );
}
