import "server-only";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { createTranslator } from "next-intl";
import { authOptions } from "@/lib/auth/options";
import { allowedBeforeNewPassword, can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { SessionClaims } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { isEmbeddedDatabase } from "@/lib/env";
import { isSameOrigin } from "@/lib/http/same-origin";
import { forwardedHttps, securityHeaders } from "@/lib/http/security-headers";
import { MESSAGES, translatorFor } from "@/lib/i18n/messages";
import { actionErrorMessage, currentLocale } from "@/lib/i18n/server";
import { renderText, type Text } from "@/lib/i18n/text";
import { errorFields, log, REQUEST_ID_HEADER, requestIdOr } from "@/lib/log";
import type { ActionErrorCode } from "./errors";
import { reportAction } from "./report";
import { type AuditEntry, writeAudit } from "./run";

/** The HTTP status of each refusal a route handler answers. */
const STATUS: Record<ActionErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE: 403,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  CLOSED: 409,
  SIGNED_BY_OTHER: 409,
  TOO_LARGE: 413,
  UNREADABLE: 422,
  UNAVAILABLE: 500,
};

/** What a route handler answers when it refuses: the same codes and texts as an action's refusal. */
export interface RouteFailure {
  code: ActionErrorCode;
  error: string;
}

/**
 * A refusal as JSON `{ code, error }`: the catalogue's sentence for the code in the user's language,
 * or `message`, a more precise sentence the handler already has in that language. Never a database
 * message.
 */
export async function routeFailure(code: ActionErrorCode, message?: string): Promise<Response> {
  const body: RouteFailure = { code, error: message ?? (await actionErrorMessage(code)) };
  const response = Response.json(body, { status: STATUS[code], headers: { "cache-control": "no-store" } });
  refusalCodes.set(response, code);
  return response;
}

/** Each refusal's code, for the route's log line (the body is the client's to read). */
const refusalCodes = new WeakMap<Response, ActionErrorCode>();

function outcomeOf(response: Response): string {
  return refusalCodes.get(response) ?? (response.status < 400 ? "ok" : `HTTP_${response.status}`);
}

type Translator = ReturnType<typeof createTranslator<(typeof MESSAGES)["zh-CN"]>>;

export interface RouteContext<Params> {
  user: SessionUser;
  params: Params;
  /** The request's query string. */
  query: URLSearchParams;
  requestId: string;
  /** The user's language, for a refusal's precise sentence. */
  t: Translator;
  /** A sentence built in `lib` (an unreadable file's reason), in the user's language. */
  render: (sentence: Text) => string;
  /**
   * For an audited read (an export, a photo view): writes its one audit row, once what is read has
   * been found. A route that changes data does so through an action, whose wrapper audits it.
   */
  audit(entry: AuditEntry): Promise<void>;
}

interface RouteConfig {
  /** Dotted name, also the audit row's `action` unless the entry names its own. */
  name: string;
  permission: Permission;
  /**
   * Answer a missing permission as "not found", for URLs that should not tell an outsider what
   * exists (the exports): a caller guessing another group's export learns nothing.
   */
  forbiddenAs?: "NOT_FOUND";
  /**
   * proxy.ts leaves this route out (the list upload: Next would read its whole body first), so the
   * route sets the proxy's security headers on every answer itself.
   */
  securityHeaders?: true;
  /**
   * Under the embedded database every query waits for a running transaction, the session check's
   * included (lib/import/progress.ts). A route that must answer meanwhile gives this: it gets the user
   * id of the signed session cookie, read without a query, and answers that user only.
   */
  onEmbeddedDatabase?: (request: Request, userId: string) => Promise<Response>;
}

type Segment<Params> = { params: Promise<Params> };
export type RouteHandler<Params> = (request: Request, segment?: Segment<Params>) => Promise<Response>;

/**
 * What each route handler was declared with, so a test can try every route with every role
 * (docs/reliability.md #2).
 */
const declarations = new WeakMap<object, { name: string; permission: Permission; forbiddenAs?: "NOT_FOUND" }>();

export function routeDeclaration(
  candidate: unknown,
): { name: string; permission: Permission; forbiddenAs?: "NOT_FOUND" } | undefined {
  return typeof candidate === "function" ? declarations.get(candidate) : undefined;
}

/**
 * The one shape of every route handler, beside `action(...)`: the same-origin check for anything but
 * GET (route handlers get no CSRF check from Next) -> the session, read again -> the permission from
 * the matrix -> the handler. Refusals are `{ code, error }` from the actions' catalogue; anything
 * unexpected is logged with the request id and answered UNAVAILABLE, never with its message.
 */
export function route<Params = Record<string, never>>(
  config: RouteConfig,
  handler: (request: Request, ctx: RouteContext<Params>) => Promise<Response>,
): RouteHandler<Params> {
  const run = async (request: Request, segment?: Segment<Params>): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdOr(request.headers.get(REQUEST_ID_HEADER));
    const seen: { userId: string | null } = { userId: null };
    const response = await answer(request, requestId, seen, segment);
    reportAction({ action: config.name, outcome: outcomeOf(response), startedAt, requestId, ...seen });
    if (config.securityHeaders) {
      const headers = securityHeaders({
        nonce: randomUUID().replaceAll("-", ""),
        https: forwardedHttps(request.headers),
        dev: false,
      });
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    }
    return response;
  };

  const answer = async (
    request: Request,
    requestId: string,
    seen: { userId: string | null },
    segment?: Segment<Params>,
  ): Promise<Response> => {
    if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
      return routeFailure("CROSS_SITE");
    }
    if (config.onEmbeddedDatabase && isEmbeddedDatabase()) {
      const claims = (await getServerSession(authOptions)) as SessionClaims | null;
      if (!claims?.userId) return routeFailure("UNAUTHENTICATED");
      seen.userId = claims.userId;
      return config.onEmbeddedDatabase(request, claims.userId);
    }
    const user = await getSessionUser();
    if (!user) return routeFailure("UNAUTHENTICATED");
    seen.userId = user.id;
    if (!can(user.roles, config.permission) || !allowedBeforeNewPassword(user, config.permission)) {
      return routeFailure(config.forbiddenAs ?? "FORBIDDEN");
    }

    const locale = await currentLocale();
    let audited = false;
    try {
      return await handler(request, {
        user,
        params: ((await segment?.params) ?? {}) as Params,
        query: new URL(request.url).searchParams,
        requestId,
        t: createTranslator({ locale, messages: MESSAGES[locale] }),
        render: (sentence) => renderText(translatorFor(locale), sentence),
        audit: async (entry) => {
          if (audited) throw new Error(`${config.name}: a read is audited by exactly one row`);
          audited = true;
          await writeAudit(db(), config.name, user.id, requestId, entry);
        },
      });
    } catch (error) {
      log().error({ kind: "action", requestId, action: config.name, error: errorFields(error) }, "route failed");
      return routeFailure("UNAVAILABLE");
    }
  };

  declarations.set(run, { name: config.name, permission: config.permission, forbiddenAs: config.forbiddenAs });
  return run;
}
