/** What global setup hands to test workers: where the prepared (migrated, seeded) database is. */
export type TestDatabaseInfo =
  { kind: "pglite"; dumpPath: string } | { kind: "postgres"; serverUrl: string; template: string };

/** The server URL with its database name replaced. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
