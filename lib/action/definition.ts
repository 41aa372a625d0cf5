// An action as data: its name, permission, input schema and body, free of Next. A page's server action
// wraps it (`serverAction` in lib/action/index.ts) and adds only what pages need (revalidation); the
// command line and the demo seed submit input to the very same definition through `submitAs`
// (lib/action/system.ts). One body for all three, so the demo and a real campaign cannot drift apart.
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ActionContext, TransactionConfig } from "./run";

export interface ActionDefinition<S extends z.ZodType, T> extends TransactionConfig {
  permission: Permission;
  /** Use z.strictObject({...}): extra posted fields are refused, never stored. */
  schema: S;
  /** The body, run in the action's transaction once the user, the permission and the input are checked. */
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<T>;
}

export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>): ActionDefinition<S, T> {
  return definition;
}
