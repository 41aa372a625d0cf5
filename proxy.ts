import type { NextRequest } from "next/server";
import { proxyRequest } from "@/lib/http/proxy";

// Next's Proxy file convention (formerly middleware): headers only, see lib/http/proxy.ts
export function proxy(request: NextRequest) {
  return proxyRequest(request);
}

// Every path but the list upload (POST /api/imports): Next reads and buffers the whole body of a
// request its proxy sees before the route runs, and that route must refuse a body of gigabytes while
// it streams in. It sets the same security headers itself (app/api/imports/route.ts).
export const config = { matcher: ["/((?!api/imports$).*)"] };
