"use client";
import { useState } from "react";
import { call, ops } from "@/app/_lib/api-client";
import { MessagePreferencesForm } from "@/app/_components/message-preferences/message-preferences-form";
import type { MessagePreferencesDto } from "@/lib/messaging/preference-schemas";

/** The client's own choice of channel and SMS consent (portal account page). */
export function MyMessagePreferences({ initial }: { initial: MessagePreferencesDto }) {
  const [value, setValue] = useState(initial);
  return (
    <MessagePreferencesForm
      value={value}
      audience="client"
      save={(body) => call(ops.setMyMessagePreferences, { body })}
      onSaved={setValue}
    />
  );
}
