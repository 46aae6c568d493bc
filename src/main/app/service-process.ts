/**
 * Starts the service process as an Electron utility process (out/main/service-entry.js) and speaks
 * the same protocol the tests speak to it under Node. Only what Electron alone can do stays
 * here: the process spawn, the dialogs and the keyring (answered in src/main/app/index.ts).
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { connectServiceHost, type ServiceChannel, type ServiceClient, type ServiceClientOptions } from '../process/service-client';
import type { FromService, ServiceHostConfig } from '../process/protocol';

export function startServiceProcess(
  mainDir: string,
  config: Omit<ServiceHostConfig, 'pdfWorker' | 'integrityWorker'>,
  options: ServiceClientOptions,
): Promise<ServiceClient> {
  const child = utilityProcess.fork(join(mainDir, 'service-entry.js'), [], { serviceName: 'Advocate Desk data', stdio: 'ignore' });
  const channel: ServiceChannel = {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromService) => listener(message)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
  return connectServiceHost(
    channel,
    {
      ...config,
      pdfWorker: { file: join(mainDir, 'pdf-worker.js'), execArgv: [], env: {} },
      integrityWorker: { file: join(mainDir, 'integrity-worker.js'), execArgv: [], env: {} },
    },
    options,
  );
}
