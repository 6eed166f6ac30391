import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SentSms {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  /** The Authorization header's user and password, as the server received them. */
  auth: { user: string; password: string } | null;
}

export interface SmsProviderOptions {
  accountSid: string;
  authToken: string;
  /** Refuse a number as Twilio would: HTTP status, Twilio error code and message (e.g. 400, 21211). */
  refuse?: (to: string) => readonly [status: number, code: number, message: string] | undefined;
  /** Answer 503 to the next `n` sends (a provider outage). */
  unavailableFor?: number;
  /** A fixed port (the e2e stand-in); 0 or absent: any free one. */
  port?: number;
  /** Called with each accepted message (the e2e stand-in writes it where specs read it). */
  onSend?: (m: SentSms) => void;
  /** Report each message "delivered" to its StatusCallback shortly after accepting it, as the network would. */
  autoDeliver?: boolean;
}

/**
 * A local HTTP server that speaks Twilio's Messages API as documented — POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, HTTP basic auth with the account
 * SID and auth token, 201 with the message resource, 4xx with Twilio's error body — and sends the
 * delivery-status callbacks, signed as Twilio signs them: base64 HMAC-SHA1, keyed by the auth
 * token, of the callback URL followed by each form parameter's name and value in name order.
 * The signature is computed here from that description, not with the twilio library the app
 * verifies with, so a test proves the two agree.
 */
export async function startSmsProvider(options: SmsProviderOptions) {
  const sent: SentSms[] = [];
  let unavailable = options.unavailableFor ?? 0;
  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? "");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string) =>
      json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    if (req.method !== "POST" || !match) return error(404, 20404, "The requested resource was not found");
    const auth = basicAuth(req.headers.authorization);
    if (!auth || auth.user !== options.accountSid || auth.password !== options.authToken || match[1] !== auth.user)
      return error(401, 20003, "Authenticate");
    if (unavailable > 0) {
      unavailable--;
      return error(503, 20500, "Service unavailable");
    }
    const to = form.get("To") ?? "";
    const body = form.get("Body") ?? "";
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!form.get("From") && !form.get("MessagingServiceSid"))
      return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
    if (!body) return error(400, 21602, "Message body is required.");
    const refusal = options.refuse?.(to);
    if (refusal) return error(refusal[0], refusal[1], refusal[2]);
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const now = new Date().toUTCString();
    sent.push({
      sid,
      accountSid: auth.user,
      to,
      from: form.get("From"),
      messagingServiceSid: form.get("MessagingServiceSid"),
      body,
      statusCallback: form.get("StatusCallback"),
      auth,
    });
    options.onSend?.(sent.at(-1)!);
    if (options.autoDeliver && form.get("StatusCallback"))
      setTimeout(() => void postCallback(sid, "delivered").catch(() => undefined), 200);
    json(201, {
      sid,
      account_sid: auth.user,
      to,
      from: form.get("From"),
      messaging_service_sid: form.get("MessagingServiceSid"),
      body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: "USD",
      uri: `/2010-04-01/Accounts/${auth.user}/Messages/${sid}.json`,
      subresource_uris: { media: `/2010-04-01/Accounts/${auth.user}/Messages/${sid}/Media.json` },
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  /** The form Twilio posts to a message's StatusCallback for `status`, and its X-Twilio-Signature. */
  function statusCallback(sid: string, status: string, extra: Record<string, string> = {}) {
    const msg = sent.find((m) => m.sid === sid);
    if (!msg?.statusCallback) throw new Error(`No status callback for ${sid}`);
    const params: Record<string, string> = {
      AccountSid: options.accountSid,
      ApiVersion: "2010-04-01",
      From: msg.from ?? "",
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: msg.to,
      ...extra,
    };
    return { url: msg.statusCallback, params, signature: signTwilio(options.authToken, msg.statusCallback, params) };
  }

  /** Posts the callback over HTTP to the URL the app gave (e2e: a running server). */
  async function postCallback(sid: string, status: string) {
    const cb = statusCallback(sid, status);
    return fetch(cb.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": cb.signature },
      body: new URLSearchParams(cb.params).toString(),
    });
  }

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    sent,
    statusCallback,
    /** A callback as a Request, for calling the app's handler in-process. */
    callbackRequest(sid: string, status: string, extra: Record<string, string> = {}, signature?: string) {
      const cb = statusCallback(sid, status, extra);
      return new Request(cb.url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": signature ?? cb.signature,
        },
        body: new URLSearchParams(cb.params).toString(),
      });
    },
    postCallback,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmsProviderFake = Awaited<ReturnType<typeof startSmsProvider>>;

/** Twilio's request signature, from its documentation (see startSmsProvider). */
export function signTwilio(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

function basicAuth(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic (.+)$/.exec(header ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i < 0 ? null : { user: decoded.slice(0, i), password: decoded.slice(i + 1) };
}
