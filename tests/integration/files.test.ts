// Resume files: type by content, bounded DOCX, random names on disk, safe download headers.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { attachmentDisposition, sanitizeFilename } from "../../app/files/filename";
import {
  deleteOwnFile,
  downloadResponse,
  getOwnFile,
  readStoredFile,
  storeResume,
  sweepUnclaimedFiles,
} from "../../app/files/files.server";
import { MAX_RESUME_BYTES, sniffResume } from "../../app/files/sniff";
import { localStorage, newStorageKey } from "../../app/files/storage.server";
import { parseUploadForm } from "../../app/files/upload.server";
import { getDb } from "../../app/utils/db.server";
import { initEnv } from "../../app/utils/env.server";
import { bombDocx, makeZip, multipartPost, tinyDocx, tinyPdf } from "../factories/files";
import { createUser } from "../factories/users";

const uploads = mkdtempSync(path.join(tmpdir(), "medcode-files-"));
process.env.UPLOADS_DIR = uploads;
process.env.S3_BUCKET = "";
initEnv();

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allFiles(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

describe("sniffResume", () => {
  it("accepts a PDF and a DOCX by their bytes", () => {
    expect(sniffResume(tinyPdf())).toEqual({ ok: true, kind: "pdf" });
    expect(sniffResume(tinyDocx())).toEqual({ ok: true, kind: "docx" });
  });

  it.each([
    ["an empty file", new Uint8Array(0), /empty/],
    ["5 MiB + 1 byte", new Uint8Array(MAX_RESUME_BYTES + 1).fill(0x25), /larger than 5 MiB/],
    [
      "an SVG",
      new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      /PDF or a Word/,
    ],
    [
      "an HTML page",
      new TextEncoder().encode("<!doctype html><script>alert(1)</script>"),
      /PDF or a Word/,
    ],
    ["an ELF executable", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), /program/],
    ["a Windows executable", new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]), /program/],
    ["a zip bomb DOCX", bombDocx(), /expands/],
    ["a ZIP that is not a DOCX", makeZip([{ name: "a.txt", data: "hello" }]), /not a Word/],
    [
      "a ZIP with too many entries",
      makeZip(Array.from({ length: 1001 }, (_, i) => ({ name: `word/${i}.xml`, data: "x" }))),
      /too many parts/,
    ],
    ["a truncated ZIP", tinyDocx().subarray(0, 60), /damaged/],
  ])("refuses %s with a clear message", (_label, bytes, message) => {
    const result = sniffResume(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it("a bomb that lies about its sizes is still caught by inflating with a cap", () => {
    const bomb = bombDocx(48 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(MAX_RESUME_BYTES);
    // Rewrite the declared uncompressed sizes to 1 byte: the reader must not trust them.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i < bomb.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1, true);
    }
    expect(sniffResume(bomb)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expands/),
    });
  });
});

describe("file names", () => {
  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\boot.ini", "boot.ini.pdf"],
    ["cv\r\nSet-Cookie: x=1.pdf", "cvSet-Cookie: x=1.pdf"],
    ["resume\u202Efdp.exe", "resumefdp.exe.pdf"],
    ["\u200F\u2066Ana\u2069 CV.docx", "Ana CV.pdf"],
    ["...", "resume.pdf"],
    ["", "resume.pdf"],
  ])("%j is stored as %j", (given, stored) => {
    expect(sanitizeFilename(given, "pdf")).toBe(stored);
  });

  it("gives the detected type's extension, whatever the name said", () => {
    expect(sanitizeFilename("resume.pdf", "docx")).toBe("resume.docx");
  });

  it("builds an attachment header with an ASCII fallback and an RFC 5987 name", () => {
    expect(attachmentDisposition('José "CV" (2026).pdf')).toBe(
      "attachment; filename=\"Jos_ _CV_ (2026).pdf\"; filename*=UTF-8''Jos%C3%A9%20%22CV%22%20%282026%29.pdf",
    );
  });
});

describe("storage", () => {
  it("local storage writes under random keys only, and refuses anything else as a key", async () => {
    const storage = localStorage(uploads);
    const key = newStorageKey();
    await storage.put(key, new Uint8Array([1, 2, 3]), "application/pdf");
    expect(await storage.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.put("../escape", new Uint8Array([1]), "x")).rejects.toThrow(
      /Invalid storage key/,
    );
    await expect(storage.get("ab/../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
  });
});

describe("storeResume", () => {
  let userId: number;
  beforeAll(async () => {
    userId = (await createUser({ role: "candidate" })).id;
  });

  it("stores the bytes under a random name and keeps the given name only as escaped data", async () => {
    const bytes = tinyPdf();
    const result = await storeResume({ userId, name: "../../\u202Eevil\r\n.pdf", bytes });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.original_name).toBe("evil.pdf");
    const row = await getOwnFile({ userId, fileId: result.file.id });
    expect(row?.storage_key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
    const onDisk = allFiles(uploads).find((f) => f.endsWith(row!.storage_key.split("/")[1]));
    expect(onDisk).toBeTruthy();
    expect(new Uint8Array(readFileSync(onDisk!))).toEqual(bytes);
    expect(allFiles(uploads).some((f) => f.includes("evil"))).toBe(false);
  });

  it("refuses what is not a resume and writes nothing", async () => {
    const before = allFiles(uploads).length;
    const result = await storeResume({
      userId,
      name: "cv.pdf",
      bytes: new TextEncoder().encode("<svg/>"),
    });
    expect(result).toMatchObject({ ok: false });
    expect(allFiles(uploads).length).toBe(before);
  });

  it("serves a download as an attachment that is never sniffed or cached", async () => {
    const result = await storeResume({ userId, name: "Ana Coder.pdf", bytes: tinyPdf() });
    if (!result.ok) throw new Error("not stored");
    const row = (await getOwnFile({ userId, fileId: result.file.id }))!;
    const response = downloadResponse(row, (await readStoredFile(row.storage_key))!);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Ana Coder.pdf"/,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("application/pdf");
  });

  it("deleting a file removes its bytes; another user cannot delete it", async () => {
    const other = await createUser({ role: "candidate" });
    const result = await storeResume({ userId, name: "x.pdf", bytes: tinyPdf() });
    if (!result.ok) throw new Error("not stored");
    const key = (await getOwnFile({ userId, fileId: result.file.id }))!.storage_key;
    expect(await deleteOwnFile({ userId: other.id, fileId: result.file.id })).toEqual({
      ok: false,
    });
    expect(await readStoredFile(key)).not.toBeNull();
    expect(await deleteOwnFile({ userId, fileId: result.file.id })).toEqual({ ok: true });
    expect(await readStoredFile(key)).toBeNull();
  });

  it("a visitor's upload that is never claimed is swept after a day", async () => {
    const result = await storeResume({ userId: null, name: "x.pdf", bytes: tinyPdf() });
    if (!result.ok) throw new Error("not stored");
    expect(result.claimToken).toBeTruthy();
    const { storage_key } = await getDb()
      .selectFrom("files")
      .select("storage_key")
      .where("id", "=", result.file.id)
      .executeTakeFirstOrThrow();
    await sweepUnclaimedFiles(new Date(Date.now() + 25 * 3_600_000));
    expect(await readStoredFile(storage_key)).toBeNull();
  });
});

describe("parseUploadForm", () => {
  it("drops a file over 5 MiB while streaming and keeps the other fields", async () => {
    const request = multipartPost(
      "/x",
      { coverLetter: "Hello" },
      { resume: { name: "big.pdf", bytes: new Uint8Array(MAX_RESUME_BYTES + 1).fill(0x25) } },
    );
    const { formData, fileErrors } = await parseUploadForm(request, ["resume"]);
    expect(formData.get("coverLetter")).toBe("Hello");
    expect(formData.get("resume")).toBeNull();
    expect(fileErrors.resume).toMatch(/larger than 5 MiB/);
  });

  it("refuses a request whose declared length is far past any resume", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "x",
      headers: {
        "content-type": "multipart/form-data; boundary=abc",
        "content-length": String(50 * 1024 * 1024),
      },
    });
    await expect(parseUploadForm(request, ["resume"])).rejects.toMatchObject({
      init: { status: 413 },
    });
  });
});
