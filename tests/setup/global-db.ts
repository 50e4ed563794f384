// Vitest global setup for the integration tier: one Postgres server, one template database
// (migrated, reference data loaded); every test file then gets its own copy of the template.
import type { TestProject } from "vitest/node";
import { createDb } from "../../app/utils/db.server";
import { migrateToLatest } from "../../db/migrate";
import { seedReference } from "../../db/seed/reference";
import { createDatabase, dropDatabase, startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = `medcode_template_${process.pid}`;
  await dropDatabase(server.adminUrl, template);
  const url = await createDatabase(server.adminUrl, template);
  const db = createDb(url, 2);
  try {
    await migrateToLatest(db);
    await seedReference(db);
  } finally {
    await db.destroy();
  }
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
