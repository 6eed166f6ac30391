"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { clinicFormat, type ClinicFormat, type ClinicFormatSettings } from "@/lib/format/clinic-format";

const Settings = createContext<ClinicFormatSettings | null>(null);

/** Gives client components the clinic's locale and zone (set by the staff and portal layouts). */
export function ClinicFormatProvider({ settings, children }: { settings: ClinicFormatSettings; children: ReactNode }) {
  return <Settings.Provider value={settings}>{children}</Settings.Provider>;
}

/** The clinic's date and time format. Outside a clinic layout this is a programming error. */
export function useClinicFormat(): ClinicFormat {
  const s = useContext(Settings);
  if (!s) throw new Error("useClinicFormat() needs a ClinicFormatProvider (the staff or portal layout).");
  return useMemo(() => clinicFormat(s), [s]);
}
