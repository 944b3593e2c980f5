// Cloud-neutral building blocks shared by every Groundwork component. Imports no provider SDK and no
// cloud folder, ever (deprecated.ts reaches the pure cloud files lazily, for old import paths only).
export * from "./errors";
export * from "./validate";
export * from "./strict";
export * from "./profiles";
export * from "./naming";
export * from "./shapes";
export * from "./tags";
export * from "./cidr";
export * from "./images";
export * from "./secrets";
export * from "./weakening";
export * from "./grants";
export * from "./deprecated";
