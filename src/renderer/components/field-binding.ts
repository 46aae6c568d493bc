import type { GetInputPropsOptions, GetInputPropsReturnType } from '@mantine/form';

/** Binds one named field of a form section: `field('name')` → value, onChange, error. */
export type FieldBinding = (name: string, options?: GetInputPropsOptions) => GetInputPropsReturnType;
