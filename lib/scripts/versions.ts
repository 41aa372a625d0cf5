// The version rule of a script or of the manual (pure): a save adds the next version, and only when the
// editor was opened on the latest one. Otherwise someone saved in between, and this save is refused (their
// text stays in the form) rather than overwriting what the other person wrote.

export type VersionCheck = { ok: true; version: number } | { ok: false; latest: number };

/**
 * `latest` is the newest stored version (0 when there is none), `base` the version the editor showed.
 * The new version is the next number; a base older (or, from a crafted post, newer) than the latest is stale.
 */
export function versionToSave(latest: number, base: number): VersionCheck {
  return base === latest ? { ok: true, version: latest + 1 } : { ok: false, latest };
}
