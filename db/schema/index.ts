export * from "./enums";
export * from "./clinics-users";
export * from "./clients";
export * from "./invitations";
export * from "./audit";
export * from "./email-outbox";
export * from "./reference";
export * from "./visits";
