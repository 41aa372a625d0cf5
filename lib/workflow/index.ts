export * from "./date-bounds";
export * from "./phases";
export * from "./photos";
export * from "./policy";
export * from "./rules";
