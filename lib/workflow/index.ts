export * from "./phases";
