/**
 * The end-to-end tests' mail server: real SMTP on E2E_SMTP_PORT (the app under test sends to it
 * through its ordinary SMTP_URL), each accepted message parsed by an independent parser
 * (mailparser) and written as JSON into E2E_MAILDIR, where specs read it (e2e/mailbox.ts).
 *
 * Recipients whose local part starts with "bounce-" are refused for good (550) and "later-" for
 * now (451) — until a spec drops a file named `accept-<local part>` into the folder: that is how
 * the background-jobs spec makes a delivery fail and then succeed through the product's real path.
 * Run by scripts/test-e2e.sh; it needs no database, so both database modes use it.
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

const port = Number(process.env.E2E_SMTP_PORT);
const dir = process.env.E2E_MAILDIR;
if (!port || !dir) throw new Error("E2E_SMTP_PORT and E2E_MAILDIR are required");
fs.mkdirSync(dir, { recursive: true });

function refusal(address: string): { code: number; text: string } | null {
  const local = address.split("@")[0]!.toLowerCase();
  if (fs.existsSync(path.join(dir!, `accept-${local}`))) return null;
  if (local.startsWith("bounce-")) return { code: 550, text: `5.1.1 No such mailbox here (ref ${local})` };
  if (local.startsWith("later-")) return { code: 451, text: `4.3.0 Mailbox busy, try again later (ref ${local})` };
  return null;
}

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 25 * 1024 * 1024,
  onRcptTo(address, _session, callback) {
    const r = refusal(address.address);
    if (r) return callback(Object.assign(new Error(r.text), { responseCode: r.code }));
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const message = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          messageId: mail.messageId ?? null,
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : null,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename ?? null,
            contentType: a.contentType,
            size: a.size,
          })),
          receivedAt: new Date().toISOString(),
        };
        // Written whole, then renamed: a reader never sees half a file.
        const file = path.join(dir!, `${Date.now()}-${process.pid}-${++count}.json`);
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(message));
        fs.renameSync(`${file}.tmp`, file);
        callback();
      })
      .catch((err: Error) => callback(err));
  },
});
server.listen(port, "127.0.0.1", () => {
  fs.writeFileSync(path.join(dir, ".ready"), String(process.pid));
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
