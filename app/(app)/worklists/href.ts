import type { WorklistFilter } from "@/lib/worklists/filters";

/** The worklist page of a group (null: the whole campaign) and a list (null: everyone still to win). */
export function worklistHref(groupId: string | null, list: WorklistFilter | null): string {
  const query = new URLSearchParams({ ...(groupId ? { group: groupId } : {}), ...(list ? { list } : {}) }).toString();
  return query ? `/worklists?${query}` : "/worklists";
}
