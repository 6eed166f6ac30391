import "server-only";
import twilio from "twilio";
import type { RequestOptions } from "twilio/lib/base/RequestClient";
import { config } from "@/lib/config";

/**
 * Text messages leave through a provider behind this interface, so messaging never names Twilio.
 * The one implementation is Twilio's Messages API through Twilio's own Node library (`twilio`),
 * chosen over a hand-written REST client because it also brings `validateRequest`, the reference
 * check of the X-Twilio-Signature on delivery callbacks. Without TWILIO_* configuration there is
 * no provider and SMS is off (lib/delivery/sms/enabled.ts).
 */
export interface SmsProvider {
  /** Sends one text; resolves with the provider's id and first status, rejects with a SmsSendError. */
  send(m: { to: string; body: string; statusCallback: string }): Promise<{ id: string; status: string }>;
  /** True when `signature` is the provider's signature of this callback URL and its form parameters. */
  verifyCallback(url: string, params: Record<string, string>, signature: string | null): boolean;
}

/** A send the provider refused for good (an invalid or unreachable number: 4xx), or failed for now (5xx, network). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: string,
  ) {
    super(message);
    this.name = "SmsSendError";
  }
}

/**
 * Twilio's library builds every URL on https://api.twilio.com; its documented extension point is
 * a custom HTTP client. This one moves each request to TWILIO_API_BASE_URL (a local stand-in in
 * tests and development) and leaves everything else — form encoding, basic auth, parsing — to Twilio.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }
  request<TData>(opts: RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    const base = new URL(this.baseUrl);
    uri.protocol = base.protocol;
    uri.host = base.host;
    uri.pathname = base.pathname.replace(/\/$/, "") + uri.pathname;
    return super.request<TData>({ ...opts, uri: uri.href });
  }
}

export class TwilioSmsProvider implements SmsProvider {
  private readonly client: ReturnType<typeof twilio>;
  constructor(private readonly opts: { accountSid: string; authToken: string; from: string; baseUrl?: string }) {
    const base = opts.baseUrl && opts.baseUrl !== "https://api.twilio.com" ? opts.baseUrl : null;
    this.client = twilio(opts.accountSid, opts.authToken, base ? { httpClient: new BaseUrlRequestClient(base) } : {});
  }

  async send(m: { to: string; body: string; statusCallback: string }) {
    const sender = this.opts.from.startsWith("MG") ? { messagingServiceSid: this.opts.from } : { from: this.opts.from };
    try {
      const msg = await this.client.messages.create({
        to: m.to,
        body: m.body,
        statusCallback: m.statusCallback,
        ...sender,
      });
      return { id: msg.sid, status: msg.status };
    } catch (err) {
      const { status, code } = (err ?? {}) as { status?: unknown; code?: unknown };
      const httpStatus = typeof status === "number" ? status : 0;
      // 4xx (bad number, unverified sender, opted out): the same request fails again. 429 and 5xx do not.
      const permanent = httpStatus >= 400 && httpStatus < 500 && httpStatus !== 429;
      throw new SmsSendError(
        permanent
          ? `The SMS provider refused the message (${String(code ?? httpStatus)}).`
          : "The SMS provider did not answer.",
        permanent,
        permanent ? `SmsRefused:${String(code ?? httpStatus)}` : "SmsUnavailable",
      );
    }
  }

  verifyCallback(url: string, params: Record<string, string>, signature: string | null): boolean {
    if (!signature) return false;
    return twilio.validateRequest(this.opts.authToken, signature, url, params);
  }
}

let provider: SmsProvider | null | undefined;

/** This process's SMS provider, or null when SMS is not configured. */
export function smsProvider(): SmsProvider | null {
  if (provider === undefined) {
    const c = config();
    provider =
      c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && c.TWILIO_FROM_NUMBER
        ? new TwilioSmsProvider({
            accountSid: c.TWILIO_ACCOUNT_SID,
            authToken: c.TWILIO_AUTH_TOKEN,
            from: c.TWILIO_FROM_NUMBER,
            baseUrl: c.TWILIO_API_BASE_URL,
          })
        : null;
  }
  return provider;
}
