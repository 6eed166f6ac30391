import { spawnSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Transport } from "@/lib/delivery/email/transport";

export interface InboxOptions {
  /** Refuse a recipient as a real server would: an SMTP code and text, e.g. [550, "5.1.1 No such mailbox"]. */
  refuse?: (address: string) => readonly [code: number, text: string] | undefined;
  /**
   * Runs once the server holds the whole message and before it answers 250: the place for a real
   * server's latency, and the worst moment for a sender to die.
   */
  beforeReply?: (raw: Buffer) => void | Promise<void>;
}

/**
 * A real SMTP server on a local port (smtp-server) that keeps every message it receives, and a
 * nodemailer transport pointed at it: tests send through the same SMTP path as production and
 * read the MIME back with an independent parser (mailparser).
 */
export async function startInbox(options: InboxOptions = {}) {
  const raw: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal[1]), { responseCode: refusal[0] }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const message = Buffer.concat(chunks);
        raw.push(message);
        Promise.resolve(options.beforeReply?.(message)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport: Transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return {
    port,
    transport,
    /** Every message received so far, parsed. */
    read: async (): Promise<ParsedMail[]> => Promise.all(raw.map((r) => simpleParser(r))),
    count: () => raw.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Inbox = Awaited<ReturnType<typeof startInbox>>;

export interface ReadEvent {
  uid: string;
  /** The start as epoch ms, resolved through the file's own VTIMEZONE block. */
  start: number;
  tzid: string | null;
  status: string;
  sequence: number;
  summary: string;
}

const PY = `
import sys, json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
# Each VTIMEZONE's observances: (local start, offset in seconds), to check against the tz database.
blocks = {}
for z in cal.walk('VTIMEZONE'):
    blocks[str(z['TZID'])] = [(o['DTSTART'].dt, o['TZOFFSETTO'].td.total_seconds()) for o in z.subcomponents]
out = []
for ev in cal.walk('VEVENT'):
    p = ev['DTSTART']
    raw = p.to_ical().decode()
    tzid = p.params.get('TZID')
    naive = datetime.strptime(raw.rstrip('Z'), '%Y%m%dT%H%M%S')
    at = naive.replace(tzinfo=ZoneInfo(tzid)) if tzid else naive.replace(tzinfo=timezone.utc)
    if tzid:
        # The observance in force at the event (the latest that started before it) must carry the offset the tz database gives.
        rules = sorted(r for r in blocks[tzid] if r[0] <= naive)
        assert rules and rules[-1][1] == at.utcoffset().total_seconds(), (tzid, rules, at.utcoffset())
    out.append({'uid': str(ev['UID']), 'start': int(at.timestamp() * 1000), 'tzid': tzid, 'status': str(ev.get('STATUS')),
                'sequence': int(ev.get('SEQUENCE', 0)), 'summary': str(ev['SUMMARY'])})
print(json.dumps({'method': str(cal.get('METHOD')), 'events': out}))
`;

/**
 * Reads an .ics with Debian's python3-icalendar (an independent parser; /usr/bin/python3): the
 * start resolved through the system tz database, and the file's own VTIMEZONE checked against it.
 */
export function readIcsWithPython(ics: string): { method: string; events: ReadEvent[] } {
  const run = spawnSync("/usr/bin/python3", ["-c", PY], { input: ics });
  if (run.status !== 0) throw new Error(`python3-icalendar: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString());
}
