// npm run admin:grant -- someone@example.com: makes an existing account an operator (on
// DATABASE_URL or the embedded Postgres, which may be running under npm start).
import { grantOperator } from "../app/admin/operators.server";
import { createDb } from "../app/utils/db.server";
import { resolveDatabase } from "./lib/database";

const email = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
if (!email?.includes("@")) {
  console.error("Usage: npm run admin:grant -- someone@example.com");
  process.exit(2);
}

const database = await resolveDatabase((line) => console.log(line));
const db = createDb(database.url, 2);
let code = 0;
try {
  const result = await grantOperator(db, email);
  if (result.ok) {
    console.log(
      `${email} (${result.name}) is now an operator (was ${result.previousRole}); they sign in again to use /admin.`,
    );
  } else {
    code = 1;
    console.error(
      {
        not_found: `No account uses ${email}. They sign up first, then you grant the role.`,
        already: `${email} is already an operator.`,
        company_member: `${email} belongs to ${result.detail}'s team; operators use an account of their own.`,
      }[result.reason],
    );
  }
} finally {
  await db.destroy();
  await database.embedded?.stop();
}
process.exit(code);
