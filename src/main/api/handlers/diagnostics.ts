import { tailOfLog } from '../../lib/log';
import type { diagnosticsMethods } from '@shared/api/methods/diagnostics';
import type { DomainHandlers } from '../dispatcher';
import type { AppContext } from '../app-context';

function schemaVersion(ctx: AppContext): string {
  if (!ctx.vault.isUnlocked()) return 'unknown while locked';
  try {
    return String(ctx.vault.db().sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get());
  } catch {
    return 'unreadable';
  }
}

export const diagnosticsHandlers = {
  'diagnostics.get': (_input, ctx) => {
    const status = ctx.vault.status();
    const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
    const lines = [
      `Advocate Desk ${ctx.diagnostics?.appVersion ?? 'development build'}`,
      `Platform: ${process.platform} ${process.arch}`,
      `Electron ${versions.electron ?? 'not running (browser bridge)'}, Chromium ${versions.chrome ?? '-'}, Node ${versions.node}`,
      `Vault: ${status.state}${status.isDemo ? ' (demo caseload)' : ''}, migrations applied: ${schemaVersion(ctx)}`,
      `Generated: ${ctx.now().toISOString()}`,
    ];
    for (const file of ctx.diagnostics?.logFiles ?? []) {
      const name = file.split(/[\\/]/).pop();
      lines.push('', `--- ${name} (last lines) ---`, ...tailOfLog(file, 40));
    }
    return { text: lines.join('\n') };
  },
} satisfies DomainHandlers<keyof typeof diagnosticsMethods, AppContext>;
