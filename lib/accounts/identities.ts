/** 身份 on the staff list and the person's page (User.identity); safe to import in the browser. */
export const STAFF_IDENTITIES = ["TEACHER", "STUDENT"] as const;

export type StaffIdentityValue = (typeof STAFF_IDENTITIES)[number];
