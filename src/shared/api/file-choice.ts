/**
 * What main's open dialog is asked for: an existing file (a vault or a backup) or a folder. The
 * service process asks for it; the renderer never supplies a path itself.
 */
export interface OpenChoice {
  kind: 'file' | 'folder';
  title: string;
  /** File type filters for a file choice, e.g. vault files (.advd). */
  extensions?: string[];
}
