import type { ClientMessage } from "@/lib/messaging/client-message-log";
import type { ClinicFormat } from "@/lib/format/clinic-format";
import { Card } from "@/app/_components/ui/layout";
import { Badge } from "@/app/_components/ui/feedback";

const STATUS = {
  pending: { tone: "info", label: "Sending" },
  sent: { tone: "success", label: "Sent" },
  failed: { tone: "danger", label: "Not delivered" },
  skipped: { tone: "neutral", label: "Not sent" },
} as const;

/** Server-rendered: the latest messages the clinic sent this client, and whether each went out. */
export function MessagesCard({
  messages,
  total,
  format,
}: {
  messages: ClientMessage[];
  total: number;
  format: ClinicFormat;
}) {
  return (
    <Card title="Messages to this client">
      {messages.length === 0 ? (
        <p className="text-sm text-muted">
          No messages yet. Confirmations, changes and reminders, by email or text, will be listed here.
        </p>
      ) : (
        <ul className="divide-y divide-line text-sm" aria-label="Messages, newest first">
          {messages.map((m) => (
            <li key={m.id} className="space-y-1 py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <span className="font-medium text-ink">
                  {m.label} <span className="font-normal text-muted">· {m.channel === "sms" ? "SMS" : "Email"}</span>
                </span>
                <Badge tone={STATUS[m.status].tone}>
                  {STATUS[m.status].label}
                  {m.reason ? `: ${m.reason}` : m.delivery === "delivered" ? " · delivered" : ""}
                </Badge>
              </div>
              {m.channel === "email" ? <p className="break-words text-muted">{m.subject}</p> : null}
              <p className="text-xs text-muted">
                {m.to ? (
                  <>
                    To <span className="break-all">{m.to}</span> ·{" "}
                  </>
                ) : null}
                <time dateTime={m.sentAt ?? m.createdAt} className="tabular">
                  {format.at(m.sentAt ?? m.createdAt, "dateTime")}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {total > messages.length ? (
        <p className="mt-3 text-xs text-muted">
          Showing the latest {messages.length} of {total}.
        </p>
      ) : null}
    </Card>
  );
}
