export * from "./calendar";
export * from "./date-bounds";
export * from "./no-show-reasons";
export * from "./phases";
export * from "./photos";
export * from "./policy";
export * from "./rules";
