/**
 * A small RFC 5545 checker for tests: the structure a calendar app relies on, checked on our
 * own output (we do not trust the generating library to be the judge of itself).
 */

export interface IcsComponent {
  name: string;
  /** Unfolded content lines, by property name (several values when repeated). */
  props: Map<string, { params: Record<string, string>; value: string }[]>;
  children: IcsComponent[];
}

const CONTENT_LINE = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/;
const LOCAL_DATE_TIME = /^\d{8}T\d{6}$/;
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;

function parseParams(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^;]*)/g))
    out[m[1]!.toUpperCase()] = m[2]!.replace(/^"|"$/g, "");
  return out;
}

/** Parses and checks; `problems` lists every rule broken (empty when the file is sound). */
export function checkIcs(text: string): { problems: string[]; calendar: IcsComponent | null } {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the last line does not end with CRLF");
  if (/(^|[^\r])\n/.test(text) || /\r(?!\n)/.test(text))
    problems.push("a line ends with a bare LF or CR (CRLF required)");
  const physical = text.split("\r\n").slice(0, -1);
  physical.forEach((line, i) => {
    const octets = Buffer.byteLength(line, "utf8");
    if (octets > 75) problems.push(`line ${i + 1} is ${octets} octets long (fold at 75)`);
  });
  const lines: string[] = [];
  for (const line of physical) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && lines.length > 0) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }

  const stack: IcsComponent[] = [];
  let calendar: IcsComponent | null = null;
  for (const line of lines) {
    const m = CONTENT_LINE.exec(line);
    if (!m) {
      problems.push(`not a content line: ${JSON.stringify(line.slice(0, 40))}`);
      continue;
    }
    const [, rawName, rawParams, value] = m;
    const name = rawName!.toUpperCase();
    if (name === "BEGIN") {
      const component: IcsComponent = { name: value!.toUpperCase(), props: new Map(), children: [] };
      if (stack.length === 0) {
        if (calendar) problems.push("more than one top-level component");
        calendar = component;
      } else stack[stack.length - 1]!.children.push(component);
      stack.push(component);
    } else if (name === "END") {
      const open = stack.pop();
      if (!open || open.name !== value!.toUpperCase())
        problems.push(`END:${value} does not close ${open?.name ?? "anything"}`);
    } else if (stack.length === 0) {
      problems.push(`property ${name} outside any component`);
    } else {
      const props = stack[stack.length - 1]!.props;
      props.set(name, [...(props.get(name) ?? []), { params: parseParams(rawParams ?? ""), value: value! }]);
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.map((c) => c.name).join(", ")}`);
  if (!calendar || calendar.name !== "VCALENDAR")
    return { problems: [...problems, "the file is not one VCALENDAR"], calendar };

  const once = (c: IcsComponent, prop: string) => {
    const n = c.props.get(prop)?.length ?? 0;
    if (n !== 1) problems.push(`${c.name} has ${n} ${prop} (exactly one required)`);
  };
  once(calendar, "VERSION");
  once(calendar, "PRODID");
  if (calendar.props.get("VERSION")?.[0]?.value !== "2.0") problems.push("VERSION is not 2.0");
  const zones = new Set<string>();
  for (const tz of calendar.children.filter((c) => c.name === "VTIMEZONE")) {
    once(tz, "TZID");
    zones.add(tz.props.get("TZID")?.[0]?.value ?? "");
    const rules = tz.children.filter((c) => c.name === "STANDARD" || c.name === "DAYLIGHT");
    if (rules.length === 0) problems.push("VTIMEZONE without STANDARD or DAYLIGHT");
    for (const r of rules) for (const p of ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"]) once(r, p);
  }
  for (const ev of calendar.children.filter((c) => c.name === "VEVENT")) {
    for (const p of ["UID", "DTSTAMP", "DTSTART"]) once(ev, p);
    const stamp = ev.props.get("DTSTAMP")?.[0]?.value ?? "";
    if (!UTC_DATE_TIME.test(stamp)) problems.push(`DTSTAMP ${stamp} is not a UTC date-time`);
    for (const p of ["DTSTART", "DTEND"]) {
      const prop = ev.props.get(p)?.[0];
      if (!prop) continue;
      const tzid = prop.params.TZID;
      if (tzid && !zones.has(tzid)) problems.push(`${p} names TZID ${tzid} with no VTIMEZONE for it`);
      if (tzid ? !LOCAL_DATE_TIME.test(prop.value) : !UTC_DATE_TIME.test(prop.value))
        problems.push(`${p} ${prop.value} is malformed`);
    }
  }
  return { problems, calendar };
}

/** The calendar's events, with a property's first value by name. */
export function eventsOf(calendar: IcsComponent | null) {
  return (calendar?.children ?? [])
    .filter((c) => c.name === "VEVENT")
    .map((e) => ({
      get: (prop: string) => e.props.get(prop)?.[0]?.value,
      param: (prop: string, param: string) => e.props.get(prop)?.[0]?.params[param],
    }));
}
