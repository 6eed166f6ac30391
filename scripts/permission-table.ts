// Rewrites the permission table in README.md from lib/identity/permissions.ts.
import fs from "node:fs";
import { permissionTableMarkdown } from "../lib/identity/permission-table";

const file = "README.md";
const readme = fs.readFileSync(file, "utf8");
const updated = readme.replace(
  /<!-- permissions:start -->[\s\S]*<!-- permissions:end -->/,
  `<!-- permissions:start -->\n${permissionTableMarkdown()}\n<!-- permissions:end -->`,
);
fs.writeFileSync(file, updated);
console.log("README permission table updated.");
