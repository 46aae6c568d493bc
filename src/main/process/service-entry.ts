/**
 * Entry of the service process. In Electron it runs as a utility process (messages on
 * `process.parentPort`); under plain Node it is forked with an IPC channel (`process.send`).
 * Both speak the protocol in ./protocol.ts, so the tests run exactly what the app runs.
 */
import type { FromService, ToService } from './protocol';
import { runServiceHost, type HostPort } from './service-host';

interface ParentPort {
  postMessage: (message: unknown) => void;
  on: (event: 'message', listener: (event: { data: unknown }) => void) => void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function nodePort(): HostPort {
  if (!process.send) throw new Error('The service process must be started with an IPC channel (child_process.fork).');
  // The parent is gone (crashed or killed): nobody can reach this vault any more, so close it and end.
  process.once('disconnect', () => process.exit(0));
  return {
    send: (message: FromService) => void process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToService)),
    exit: () => process.disconnect?.(),
  };
}

function utilityPort(port: ParentPort): HostPort {
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as ToService)),
    exit: () => process.exit(0),
  };
}

runServiceHost(parentPort ? utilityPort(parentPort) : nodePort());
