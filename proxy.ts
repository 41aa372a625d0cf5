import type { NextRequest } from "next/server";
import { proxyRequest } from "@/lib/http/proxy";

// Next's Proxy file convention (formerly middleware): headers only, see lib/http/proxy.ts
export function proxy(request: NextRequest) {
  return proxyRequest(request);
}
