// What the demo campaign (prisma/seed/demo.ts) gives the browser tests: one login per role, the shared
// password, and the page and heading each role lands on. Kept here as plain data, not imported from
// the seed, so the specs stay black-box: a change to the seed that moves a home page fails them.
export const DEMO_PASSWORD = "huifang2024";

export interface DemoHome {
  login: string;
  /** path of the role's home page, where "/" sends it after sign-in */
  home: string;
  /** the page's <h1> in Simplified Chinese */
  heading: string;
}

export const DEMO_HOMES: readonly DemoHome[] = [
  { login: "admin", home: "/admin", heading: "成都文理学院2024年高职单招" },
  { login: "data", home: "/admin", heading: "成都文理学院2024年高职单招" },
  { login: "lead", home: "/groups", heading: "各组进度" },
  { login: "leader01", home: "/groups", heading: "第一组（成都片区）" },
  { login: "caller01", home: "/calls", heading: "我的考生" },
  { login: "inspector", home: "/inspection", heading: "督查" },
  { login: "strike", home: "/strike", heading: "突击组任务" },
];

export function demoHome(login: string): DemoHome {
  const found = DEMO_HOMES.find((h) => h.login === login);
  if (!found) throw new Error(`no demo home page known for ${login}`);
  return found;
}

/** Escapes a path for a URL regular expression that must end exactly at that path. */
export function pathPattern(pathname: string): RegExp {
  return new RegExp(`^[^?#]*${pathname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:[?#].*)?$`);
}
