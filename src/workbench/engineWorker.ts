/**
 * The workbench's engine in a Web Worker (workbench-engine.js): the WorkbenchBook with its
 * HyperFormula instance and the DEALS functions runs here (engineHost.ts), off the page's main
 * thread, so that a formula that computes for seconds (a FUNDINGRISK of a million paths) never
 * freezes the page. Messages are taken one at a time in the order posted; the page's BookMirror
 * shows what the replies carry.
 */
import type { EngineMessage, EngineReply } from './engineProtocol';
import { engineHost } from './engineHost';

/** The worker's global scope, as far as it is used (the project's typings are the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineMessage>) => void) | null;
  postMessage(message: EngineReply): void;
}

const host = engineHost();
const scope = self as unknown as WorkerScope;
scope.onmessage = ({ data }) => {
  const reply = host(data);
  if (reply) scope.postMessage(reply);
};
