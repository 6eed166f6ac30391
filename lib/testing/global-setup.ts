/**
 * Vitest global setup: builds one migrated, demo-seeded database per run, which every
 * test file then copies (lib/testing/db.ts). Migrating once and copying is ~6x faster than
 * migrating per file.
 *
 * - Default: an in-memory PGlite, dumped to a tarball in os.tmpdir().
 * - TEST_DATABASE_URL set: a uniquely named template database on that server; each test
 *   file gets `CREATE DATABASE ... TEMPLATE` of it. Unique names let several people (or CI
 *   jobs) share one server; teardown drops only this run's databases.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite, openPostgres } from "@/db/open";
import { seedDemo } from "@/db/seed/demo";
import { databaseUrlFor, type TestDatabaseInfo } from "./database-info";
import { applyLeastPrivilege } from "./least-privilege";

declare module "vitest" {
  export interface ProvidedContext {
    knotworkTestDb: TestDatabaseInfo;
  }
}

async function preparePglite(runId: string): Promise<{ info: TestDatabaseInfo; teardown: () => Promise<void> }> {
  // openPglite(null): an in-memory PGlite (createPglite), migrated and brought to the shipped
  // reference data exactly as the app opens its own database.
  const opened = await openPglite(null);
  try {
    await seedDemo(opened.db);
    const client = (opened.db as unknown as { $client: PGlite }).$client;
    // The production roles and grants, so tests can act as the application does under RLS.
    const [{ name }] = (await client.query<{ name: string }>("select current_database() as name")).rows as [
      { name: string },
    ];
    await applyLeastPrivilege((statements) => client.exec(statements), name);
    const dump = await client.dumpDataDir("none");
    const dumpPath = path.join(os.tmpdir(), `knotwork-test-${runId}.tar`);
    fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
    return { info: { kind: "pglite", dumpPath }, teardown: async () => fs.rmSync(dumpPath, { force: true }) };
  } finally {
    await opened.close();
  }
}

async function withAdmin<T>(serverUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function preparePostgres(
  serverUrl: string,
  runId: string,
): Promise<{ info: TestDatabaseInfo; teardown: () => Promise<void> }> {
  const template = `kw_test_${runId}`;
  await withAdmin(serverUrl, (c) => c.query(`create database "${template}"`));
  const teardown = () =>
    withAdmin(serverUrl, async (c) => {
      // The template and every copy made from it (their names start with the template's).
      const { rows } = await c.query<{ datname: string }>(
        "select datname from pg_database where left(datname, length($1)) = $1 order by datname desc",
        [template],
      );
      for (const { datname } of rows) await c.query(`drop database if exists "${datname}" with (force)`);
    });
  try {
    const opened = await openPostgres(databaseUrlFor(serverUrl, template), 2);
    try {
      await seedDemo(opened.db);
    } finally {
      await opened.close();
    }
    // The production roles and grants (copies of the template keep the tables' grants).
    await withAdmin(databaseUrlFor(serverUrl, template), (c) => applyLeastPrivilege((s) => c.query(s), template));
  } catch (err) {
    await teardown();
    throw err;
  }
  return { info: { kind: "postgres", serverUrl, template }, teardown };
}

export default async function setup(project: TestProject) {
  // Tests must never reach the developer's database: code that falls back to the default
  // one (db/index.ts) gets a throwaway folder instead of .data/ or DATABASE_URL.
  delete process.env.DATABASE_URL;
  process.env.KNOTWORK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "knotwork-test-data-"));
  const dataDir = process.env.KNOTWORK_DATA_DIR;

  const runId = `${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const { info, teardown } = serverUrl ? await preparePostgres(serverUrl, runId) : await preparePglite(runId);
  project.provide("knotworkTestDb", info);

  return async () => {
    await teardown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
