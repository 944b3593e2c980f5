// Cloud-neutral building blocks shared by every Groundwork component. Imports no provider SDK, ever.
export * from "./errors";
export * from "./validate";
export * from "./profiles";
export * from "./naming";
export * from "./tags";
export * from "./cidr";
export * from "./images";
export * from "./secrets";
export * from "./weakening";
export * from "./grants";
