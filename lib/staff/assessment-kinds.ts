// The plan's forms of assessment (考核: 案例分享, 角色扮演, 笔试): pure, for the forms and the server alike.
import type { AssessmentKind } from "@/generated/prisma/enums";

export const ASSESSMENT_KINDS = ["CASE_SHARING", "ROLE_PLAY", "EXAM"] as const satisfies readonly AssessmentKind[];

/** An exam has a score; case sharing and role play may have one. */
export const scoreRequired = (kind: AssessmentKind) => kind === "EXAM";
