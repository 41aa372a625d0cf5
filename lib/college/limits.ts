// The lengths of the college's names, for the schema and the form alike (no import: client components read it).
export const COLLEGE_NAME = { min: 2, max: 40 } as const;
export const COLLEGE_SHORT_NAME = { min: 1, max: 12 } as const;
