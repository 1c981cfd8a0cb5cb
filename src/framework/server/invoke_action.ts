// InvokeAction: run an action to its end, streaming its progress messages as they happen and
// then one completed event with its diagnostics (an error there is the action's failure).

import { isWhollyKnown, type ValueObject } from '../../cty/value.js';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import type { ActionContext } from '../resource.js';
import { reportError, type ProviderServer } from './server.js';

export interface InvokeActionRequest {
  readonly typeName: string;
  readonly config: ValueObject;
}

export type ActionEvent = { readonly progress: string } | { readonly completed: readonly Diagnostic[] };

export async function* invokeAction(server: ProviderServer, req: InvokeActionRequest, signal?: AbortSignal): AsyncGenerator<ActionEvent> {
  const diags = new Diagnostics();
  const action = server.action(req.typeName, diags);
  if (action && !isWhollyKnown(req.config)) diags.error('Action configuration not known', `The ${req.typeName} configuration still has unknown values at apply time.`);
  const base = action && !diags.hasErrors() ? server.context(diags, signal, { tf_rpc: 'InvokeAction', tf_action_type: req.typeName }) : undefined;
  if (!action || !base) {
    yield { completed: diags.items };
    return;
  }

  // Progress messages queue up while the action runs; the stream hands them out in order.
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const ctx: ActionContext<unknown> = {
    ...base,
    progress: (message) => {
      base.log.info('action progress', { message });
      queue.push(message);
      notify();
    },
  };
  let done = false;
  const run = action
    .invoke({ config: req.config }, ctx)
    .catch((err: unknown) => reportError(diags, `Running ${req.typeName}`, err, base.log, base.signal))
    .finally(() => {
      done = true;
      notify();
    });
  for (;;) {
    while (queue.length > 0) yield { progress: queue.shift()! };
    if (done) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  await run;
  yield { completed: diags.items };
}
