// The platform API reaches components through context, so a component never imports the
// platform module itself and tests can mount panels with another implementation of the contract.
import { createContext, useContext } from 'react';
import type { ActionContext } from '../actions/registry';

export const ActionContextReact = createContext<ActionContext | null>(null);

export function useActionContext(): ActionContext {
  const ctx = useContext(ActionContextReact);
  if (ctx === null) throw new Error('useActionContext outside <ActionContextReact.Provider>');
  return ctx;
}
