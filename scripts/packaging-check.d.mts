export interface BuilderConfig {
  files: string[];
  asarUnpack?: string[];
  extraResources?: { from: string; to: string }[];
  [platform: string]: unknown;
}
export function packagedFiles(root: string, config: BuilderConfig): { appFiles: string[]; unpacked: string[]; resources: string[] };
export function checkPackaging(root: string, config: BuilderConfig): string[];
