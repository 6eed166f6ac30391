export * from "./types";
export * from "./template";
export * from "./side";
export * from "./nearest-trigger-points";
export * from "./referral-search";
export * from "./ppt";
export * from "./regions";
export { TEMPLATE_REGIONS } from "./template-regions";
