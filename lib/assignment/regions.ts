// Sichuan's 21 市州 and the names a list or a group may give them: 成都, 成都市 and 成都地区 are one
// region, and so are 阿坝, 阿坝州 and 阿坝藏族羌族自治州. Pure: no database, no clock.

export interface Prefecture {
  /** the short name, as the groups and the college's plan write it */
  short: string;
  /** the official name */
  official: string;
  /** every other form seen in lists */
  aliases: readonly string[];
}

const city = (short: string): Prefecture => ({
  short,
  official: `${short}市`,
  aliases: [`${short}地区`, `四川省${short}市`, `四川${short}`],
});

const autonomous = (short: string, official: string): Prefecture => ({
  short,
  official,
  aliases: [`${short}州`, `${short}地区`, `四川省${official}`, `四川${short}`],
});

export const SICHUAN_PREFECTURES: readonly Prefecture[] = [
  city("成都"),
  city("自贡"),
  city("攀枝花"),
  city("泸州"),
  city("德阳"),
  city("绵阳"),
  city("广元"),
  city("遂宁"),
  city("内江"),
  city("乐山"),
  city("南充"),
  city("眉山"),
  city("宜宾"),
  city("广安"),
  city("达州"),
  city("雅安"),
  city("巴中"),
  city("资阳"),
  autonomous("阿坝", "阿坝藏族羌族自治州"),
  autonomous("甘孜", "甘孜藏族自治州"),
  autonomous("凉山", "凉山彝族自治州"),
];

const BY_NAME = new Map<string, string>(
  SICHUAN_PREFECTURES.flatMap((p) => [p.short, p.official, ...p.aliases].map((name) => [name, p.short] as const)),
);

/**
 * The 市州 a region names, by its short name (泸州市 → 泸州, 阿坝州 → 阿坝), or null for a name the table
 * does not know. Spaces (full-width ones included) are ignored; nothing is guessed from a prefix, so
 * 泸 or 泸州县 stay unknown rather than landing in the wrong group.
 */
export function prefectureOf(region: string): string | null {
  return BY_NAME.get(region.replace(/[\s\u3000]/g, "")) ?? null;
}

/**
 * The key two region names are compared by: the 市州's short name when the table knows the name, else
 * the name itself without spaces, so a region outside Sichuan still matches a group written the same way.
 */
export function regionKey(region: string): string {
  return prefectureOf(region) ?? region.replace(/[\s\u3000]/g, "");
}

export interface RegionGroups<G> {
  /** the group of a region, or null when no group claims it */
  groupOf(region: string): G | null;
  /** regions claimed by more than one group: the first group (in the order given) keeps them */
  conflicts: { region: string; groups: G[] }[];
}

/** Maps each group's region to the group; a region belongs to exactly one group. */
export function regionGroups<G>(groups: readonly { region: string; group: G }[]): RegionGroups<G> {
  const byKey = new Map<string, G[]>();
  for (const { region, group } of groups) {
    const key = regionKey(region);
    if (key === "") continue;
    byKey.set(key, [...(byKey.get(key) ?? []), group]);
  }
  return {
    groupOf: (region) => byKey.get(regionKey(region))?.[0] ?? null,
    conflicts: [...byKey.entries()]
      .filter(([, claimed]) => claimed.length > 1)
      .map(([region, claimed]) => ({ region, groups: claimed })),
  };
}
