import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleBuildReason } from "./build";

let root: string;

function write(file: string, text: string, ageSeconds = 0) {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  const when = new Date(Date.now() - ageSeconds * 1000);
  utimesSync(full, when, when);
}

function project({ clientChunk }: { clientChunk: string }) {
  root = mkdtempSync(path.join(tmpdir(), "medcode-build-"));
  write("app/root.tsx", "export {}", 60);
  write("server/app.ts", "export {}", 60);
  write("build/client/assets/entry.client-abc.js", clientChunk, 10);
  write("build/server/index.js", "export {}", 10);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the build npm start serves", () => {
  it("is reused when it is a production build newer than every source", () => {
    project({ clientChunk: 'throw Error("Minified React error #418")' });
    expect(staleBuildReason(root)).toBeNull();
  });

  it("is rebuilt when it was made in development mode", () => {
    project({
      clientChunk: 'console.error("Warning: Each child in a list should have a unique key")',
    });
    expect(staleBuildReason(root)).toBe("the build was made in development mode");
  });

  it("is rebuilt when a file under server/ changed after it", () => {
    project({ clientChunk: "Minified React error" });
    write("server/security.ts", "export const changed = true;");
    expect(staleBuildReason(root)).toBe("sources changed");
  });

  it("is built when there is none", () => {
    project({ clientChunk: "Minified React error" });
    rmSync(path.join(root, "build"), { recursive: true });
    expect(staleBuildReason(root)).toBe("no build yet");
  });
});
