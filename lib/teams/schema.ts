import { z } from "zod";
import { messageKey } from "@/lib/action/errors";
import { TEAM_KEYS } from "./rules";

const login = z
  .string()
  .trim()
  .min(1, messageKey("teams.errors.notFound"))
  .max(64, messageKey("teams.errors.notFound"));

/** A member added (`member` true) or taken off a team, by login. */
export const memberSchema = z.strictObject({ login, member: z.stringbool() });

/** A team's lead named (`lead` true) or their office ended, by login. */
export const leadSchema = z.strictObject({ team: z.enum(TEAM_KEYS), login, lead: z.stringbool() });
