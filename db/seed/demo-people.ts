/** The demo accounts printed in the README. All share the password below. */
export const DEMO_PASSWORD = "knotwork-demo";

export const DEMO_CLINICS = [
  { key: "demo", name: "Demo Clinic", slug: "demo-clinic", timezone: "Europe/London" },
  { key: "other", name: "Other Clinic", slug: "other-clinic", timezone: "America/New_York" },
] as const;

export type DemoClinicKey = (typeof DEMO_CLINICS)[number]["key"];

export const DEMO_STAFF: { clinic: DemoClinicKey; email: string; name: string; roles: ("admin" | "therapist")[] }[] = [
  { clinic: "demo", email: "admin@demo.test", name: "Alex Admin", roles: ["admin"] },
  { clinic: "demo", email: "therapist@demo.test", name: "Tara Therapist", roles: ["therapist"] },
  { clinic: "demo", email: "therapist2@demo.test", name: "Theo Therapist", roles: ["therapist"] },
  { clinic: "other", email: "admin@other.test", name: "Olive Admin", roles: ["admin"] },
  { clinic: "other", email: "therapist@other.test", name: "Oscar Therapist", roles: ["therapist"] },
];

export interface DemoClient {
  clinic: DemoClinicKey;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  phone: string;
  /** Has a portal login with the demo password. */
  login?: boolean;
}

export const DEMO_CLIENTS: DemoClient[] = [
  {
    clinic: "demo",
    firstName: "Casey",
    lastName: "Client",
    dateOfBirth: "1984-03-12",
    email: "client@demo.test",
    phone: "+44 7700 900001",
    login: true,
  },
  {
    clinic: "demo",
    firstName: "Priya",
    lastName: "Shah",
    dateOfBirth: "1990-07-21",
    email: "priya.shah@example.test",
    phone: "+44 7700 900002",
  },
  {
    clinic: "demo",
    firstName: "Tom",
    lastName: "Okafor",
    dateOfBirth: "1976-11-02",
    email: "tom.okafor@example.test",
    phone: "+44 7700 900003",
  },
  {
    clinic: "demo",
    firstName: "Maria",
    lastName: "Lopez",
    dateOfBirth: "1968-01-30",
    email: "maria.lopez@example.test",
    phone: "+44 7700 900004",
  },
  {
    clinic: "demo",
    firstName: "Ben",
    lastName: "Walsh",
    dateOfBirth: "1995-05-17",
    email: "ben.walsh@example.test",
    phone: "+44 7700 900005",
  },
  {
    clinic: "demo",
    firstName: "Hannah",
    lastName: "Kim",
    dateOfBirth: "1988-09-08",
    email: "hannah.kim@example.test",
    phone: "+44 7700 900006",
  },
  {
    clinic: "demo",
    firstName: "George",
    lastName: "Brown",
    dateOfBirth: "1959-12-24",
    email: "george.brown@example.test",
    phone: "+44 7700 900007",
  },
  {
    clinic: "demo",
    firstName: "Aisha",
    lastName: "Bello",
    dateOfBirth: "1979-04-03",
    email: "aisha.bello@example.test",
    phone: "+44 7700 900008",
  },
  {
    clinic: "demo",
    firstName: "Luca",
    lastName: "Rossi",
    dateOfBirth: "2001-08-15",
    email: "luca.rossi@example.test",
    phone: "+44 7700 900009",
  },
  {
    clinic: "demo",
    firstName: "Sophie",
    lastName: "Martin",
    dateOfBirth: "1972-02-11",
    email: "sophie.martin@example.test",
    phone: "+44 7700 900010",
  },
  {
    clinic: "other",
    firstName: "Olivia",
    lastName: "Other",
    dateOfBirth: "1981-06-06",
    email: "client@other.test",
    phone: "+1 212 555 0101",
    login: true,
  },
  {
    clinic: "other",
    firstName: "Noah",
    lastName: "Reed",
    dateOfBirth: "1970-10-10",
    email: "noah.reed@example.test",
    phone: "+1 212 555 0102",
  },
];
