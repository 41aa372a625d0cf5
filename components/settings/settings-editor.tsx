"use client";

import { savePhaseWindows, saveSettingsSection } from "@/app/(app)/admin/settings/actions";
import type { FieldSpec } from "@/lib/settings/fields";
import type { PhaseRow } from "@/lib/settings/phases";
import type { SectionForm, SectionId } from "@/lib/settings/sections";
import { PhasesCard } from "./phases-card";
import { useServerState } from "./save-bar";
import { SectionCard } from "./section-card";

export interface SectionProps {
  id: SectionId;
  fields: readonly FieldSpec[];
  current: SectionForm;
  defaults: SectionForm;
}

/**
 * Every section of the campaign's settings; one version shared by all, moved on by each save and by a
 * newer version from the server (刷新 after another tab saved), so a later save is not refused as stale.
 */
export function SettingsEditor({
  campaignId,
  version: initialVersion,
  sections,
  phases,
}: {
  campaignId: string;
  version: string;
  sections: SectionProps[];
  phases: PhaseRow[];
}) {
  const [version, setVersion] = useServerState(initialVersion);
  return (
    <div className="space-y-4">
      {sections.map((section) => (
        <SectionCard
          key={section.id}
          section={section}
          save={(form) => saveSettingsSection({ campaignId, version, section: section.id, ...form })}
          onSaved={setVersion}
        />
      ))}
      <PhasesCard
        initial={phases}
        save={(rows) => savePhaseWindows({ campaignId, version, phases: rows })}
        onSaved={setVersion}
      />
    </div>
  );
}
