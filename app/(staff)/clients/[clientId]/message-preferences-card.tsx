"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { clientKeys } from "@/app/_lib/queries/clients";
import { Card } from "@/app/_components/ui/layout";
import { MessagePreferencesForm } from "@/app/_components/message-preferences/message-preferences-form";
import { CHANNEL_LABELS, type MessagePreferencesDto } from "@/lib/messaging/preference-schemas";

/** Under the client's detail key, so saving the details (a new phone number) refreshes the SMS number too. */
const prefsKey = (clientId: string) => [...clientKeys.detail(clientId), "message-preferences"] as const;

/** The client's channel and SMS consent, recorded by staff (the client can change them in the portal too). */
export function MessagePreferencesCard({
  clientId,
  initial,
  canEdit,
}: {
  clientId: string;
  initial: MessagePreferencesDto;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: prefsKey(clientId),
    queryFn: ({ signal }) => call(ops.getClientMessagePreferences, { params: { clientId }, signal }),
    initialData: initial,
  });
  return (
    <Card title="Messages and consent">
      {canEdit ? (
        <MessagePreferencesForm
          value={data}
          audience="staff"
          save={(body) => call(ops.setClientMessagePreferences, { params: { clientId }, body })}
          onSaved={(dto) => queryClient.setQueryData(prefsKey(clientId), dto)}
        />
      ) : (
        <p className="text-sm text-ink">
          {CHANNEL_LABELS[data.channel]}. SMS consent: {data.smsConsent ? "given" : "not given"}.
        </p>
      )}
    </Card>
  );
}
