/** The booking API operations (each a defineOperation; collected by lib/api/registry.ts). */
export {};
