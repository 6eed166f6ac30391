// The large benchmark data set as set-based SQL steps (generate_series, INSERT … SELECT), run in one
// session on top of the demo seed so the same demo accounts sign in on the demo and the large database.
// Every row goes through the real constraints, foreign keys and triggers: visits are inserted unsigned,
// their findings and pain scores added, and only then signed (the lock trigger refuses the other order);
// appointments take one-hour slots per therapist, so the exclusion constraints never fire.

import { BILLING_DATA_SQL } from "./billing-data-sql";

export interface LargeDataShape {
  /** Generated clinics besides the two demo clinics (500 at scale 1). */
  clinics: number;
  /** Clients per generated clinic. */
  clientsPerClinic: number;
  /** Clients of the demo clinic after growth (2,010 at scale 1): the clinic whose pages are measured. */
  bigClinicClients: number;
}

export function shapeFor(scale: number): LargeDataShape {
  return {
    clinics: Math.max(1, Math.round(500 * scale)),
    clientsPerClinic: 200,
    bigClinicClients: Math.max(20, Math.round(2010 * scale)),
  };
}

const FIRST = `array['Priya','Sharon','Shane','Oliver','Amelia','Noah','Isla','Leo','Ava','Arthur','Mia','Oscar','Grace',
 'Theo','Freya','Harry','Lily','Jack','Ella','George','Sophia','Finley','Ivy','Muhammad','Rosie','Alfie','Evie','Henry',
 'Aisha','Sam','Chloe','Ethan','Zara','Lucas','Maya','Ben','Nina','Tom','Hana','Ravi']`;
const LAST = `array['Shah','Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Robinson','Wright',
 'Thompson','Evans','Walker','White','Roberts','Green','Hall','Wood','Jackson','Clarke','Khan','Hughes','Edwards','Hill',
 'Moore','Clark','Harrison','Scott','Young','Morris','Ward','Turner','Carter','Phillips','Mitchell','Shaw','Cooper','Ng']`;
const ZONES = `array['Europe/London','America/New_York','Europe/Berlin','Australia/Sydney']`;
const COMPLAINTS = `array['Neck pain with headaches','Low back pain','Shoulder pain','Hip and buttock pain','Jaw pain']`;
const MUSCLES = `array['upper_trapezius','levator_scapulae','sternocleidomastoid','infraspinatus','quadratus_lumborum','gluteus_medius']`;

/** Named steps, in order; each is one statement (or a few with no result) run in the same session. */
export function largeDataSteps(s: LargeDataShape): { name: string; sql: string }[] {
  return [
    {
      name: "working tables",
      sql: `
create temp table bench_clinics (clinic_id uuid primary key, tz text not null, big boolean not null);
create temp table bench_therapists (clinic_id uuid, user_id uuid, t int);
create temp table bench_clients (clinic_id uuid, id uuid default gen_random_uuid(), k int,
  complaint_id uuid default gen_random_uuid(), programme_id uuid, therapist uuid, c_in_t int, per_t int);
insert into bench_clinics select id, timezone, true from clinics where slug = 'demo-clinic';`,
    },
    {
      name: "clinics",
      sql: `
with ins as (
  insert into clinics (name, slug, timezone, is_demo)
  select 'Bench clinic ' || i, 'bench-clinic-' || i, (${ZONES})[1 + i % 4], true from generate_series(1, ${s.clinics}) i
  returning id, timezone)
insert into bench_clinics select id, timezone, false from ins`,
    },
    {
      name: "therapists",
      sql: `
create temp table bench_new_staff as
  select c.clinic_id, g, gen_random_uuid() as user_id from bench_clinics c,
  generate_series(1, case when c.big then ${Math.max(0, Math.ceil(s.bigClinicClients / 250) - 2)} else 4 end) g;
insert into users (id, email, name, is_demo)
  select user_id, 'bench-' || user_id || '@bench.test', 'Bench Therapist ' || g, true from bench_new_staff;
insert into memberships (clinic_id, user_id, role) select clinic_id, user_id, 'therapist' from bench_new_staff;
insert into bench_therapists (clinic_id, user_id, t)
  select m.clinic_id, m.user_id, (row_number() over (partition by m.clinic_id order by m.user_id) - 1)::int
  from memberships m join bench_clinics c on c.clinic_id = m.clinic_id
  where m.role = 'therapist' and m.revoked_at is null;
create temp table bench_types as
  select c.clinic_id, coalesce(
    (select t.id from appointment_types t where t.clinic_id = c.clinic_id and t.name = 'Follow-up treatment' limit 1),
    gen_random_uuid()) as type_id, c.big from bench_clinics c;
insert into appointment_types (clinic_id, id, name, duration_min, buffer_after_min, needs_room, bookable_online)
  select clinic_id, type_id, 'Follow-up treatment', 45, 15, false, true from bench_types where not big;`,
    },
    {
      name: "clients",
      sql: `
insert into bench_clients (clinic_id, k)
  select c.clinic_id, g from bench_clinics c, generate_series(1, case when c.big then
    greatest(0, ${s.bigClinicClients} - (select count(*) from clients x where x.clinic_id = c.clinic_id))::int
    else ${s.clientsPerClinic} end) g;
update bench_clients b set programme_id = case when b.k % 6 <> 0 then gen_random_uuid() end,
  therapist = t.user_id, c_in_t = b.k / n.cnt, per_t = (n.total / n.cnt + 1)::int
  from (select clinic_id, count(*) cnt, (select count(*) from bench_clients x where x.clinic_id = bt.clinic_id) total
        from bench_therapists bt group by clinic_id) n, bench_therapists t
  where n.clinic_id = b.clinic_id and t.clinic_id = b.clinic_id and t.t = b.k % n.cnt;
insert into clients (clinic_id, id, first_name, last_name, date_of_birth, email, phone)
  select clinic_id, id, (${FIRST})[1 + (k * 7) % 40], (${LAST})[1 + (k * 13 + k / 40) % 40],
    date '1945-01-01' + (k * 97) % 20000, 'client' || k || '.' || left(clinic_id::text, 8) || '@bench.test',
    '+44 7700 ' || lpad(((k * 7919) % 1000000)::text, 6, '0')
  from bench_clients`,
    },
    {
      name: "complaints and trigger points",
      sql: `
insert into complaints (clinic_id, id, client_id, title, regions, onset_date, status, resolved_on)
  select clinic_id, complaint_id, id, (${COMPLAINTS})[1 + k % 5], array['neck'], current_date - 400 - k % 300,
    case when k % 4 = 0 then 'resolved' else 'open' end::complaint_status,
    case when k % 4 = 0 then current_date - k % 60 end
  from bench_clients;
create temp table bench_points as
  select b.clinic_id, b.id as client_id, j, gen_random_uuid() as id, b.k from bench_clients b, generate_series(0, 2) j;
insert into trigger_points (clinic_id, id, client_id, muscle_id, side)
  select clinic_id, id, client_id, (${MUSCLES})[1 + (k + j) % 6], case when j = 1 then 'left' else 'right' end::body_side
  from bench_points`,
    },
    {
      name: "appointment slots",
      // Slot s of a therapist is day floor(s/8) back from two weeks ahead, hour 9 + s%8 in the clinic's zone:
      // one hour per slot, so [starts_at, blocks_until) never overlaps another active appointment of theirs.
      sql: `
create temp table bench_appts as
  select b.clinic_id, b.id as client_id, b.therapist, b.k, r, b.complaint_id,
    ((current_date - (((r * b.per_t + b.c_in_t) / 8) - 14)::int) + make_interval(hours => 9 + (r * b.per_t + b.c_in_t) % 8))
      at time zone c.tz as starts_at,
    gen_random_uuid() as id, null::uuid as visit_id, 'booked'::appointment_status as status
  from bench_clients b join bench_clinics c on c.clinic_id = b.clinic_id, generate_series(0, 19) r;
update bench_appts set status = case when starts_at > now() then 'booked' when (k + r) % 10 = 0 then 'cancelled'
  when (k + r) % 10 = 1 then 'no_show' else 'completed' end::appointment_status;
update bench_appts set visit_id = gen_random_uuid() where status = 'completed' and r % 3 <> 2;
-- The demo therapists keep their own demo appointments: drop generated slots that would overlap one.
delete from bench_appts a using appointments x
  where x.clinic_id = a.clinic_id and x.therapist_user_id = a.therapist
    and x.status in ('booked', 'arrived', 'completed')
    and tstzrange(x.starts_at, x.blocks_until, '[)') && tstzrange(a.starts_at, a.starts_at + interval '60 minutes', '[)')`,
    },
    {
      name: "visits (unsigned)",
      sql: `
insert into visits (clinic_id, id, client_id, therapist_user_id, started_at, subjective, objective, assessment, plan, pain_regions)
  select clinic_id, visit_id, client_id, therapist, starts_at, 'Reports ache across the upper back after desk work.',
    'Taut band palpable, local twitch on snapping palpation.', 'Myofascial pain, improving.', 'Continue home programme.',
    array['neck']
  from bench_appts where visit_id is not null`,
    },
    {
      name: "findings",
      sql: `
insert into findings (clinic_id, visit_id, trigger_point_id, view, x, y, template_id, template_version, type, status,
  taut_band, tenderness)
  select a.clinic_id, a.visit_id, p.id, 'back', 0.3 + f * 0.1, 0.2 + f * 0.05, 'knotwork-adult-v1', 1,
    case when f % 2 = 0 then 'active' else 'latent' end::trp_type,
    (array['new','unchanged','better','worse'])[1 + (a.r + f) % 4]::finding_status, true, 3 + (a.k + f) % 6
  from bench_appts a, generate_series(0, 3) f
  join bench_points p on true
  where a.visit_id is not null and p.client_id = a.client_id and p.j = f % 3
  order by a.clinic_id, a.visit_id`,
    },
    {
      name: "visit pain scores",
      // One client in five gets worse from visit to visit, so needs-attention has real work to do.
      sql: `
insert into visit_pain_scores (clinic_id, visit_id, complaint_id, before, after)
  select clinic_id, visit_id, complaint_id,
    least(10, greatest(0, 6 + case when k % 5 = 0 then n / 3 else -(n / 3) end))::int,
    least(10, greatest(0, 4 + case when k % 5 = 0 then n / 3 else -(n / 3) end))::int
  from (select a.*, (row_number() over (partition by a.client_id order by a.starts_at) - 1)::int as n
        from bench_appts a where a.visit_id is not null) v`,
    },
    {
      name: "sign visits",
      sql: `
update visits v set signed_at = v.started_at + interval '1 hour', signed_by = v.therapist_user_id
  from bench_appts a where a.visit_id is not null and v.clinic_id = a.clinic_id and v.id = a.visit_id
    and v.started_at < now() - interval '1 day'`,
    },
    {
      name: "appointments",
      sql: `
insert into appointments (clinic_id, id, client_id, therapist_user_id, type_id, starts_at, ends_at, blocks_until, status,
  visit_id, cancelled_at, cancelled_by, created_by)
  select a.clinic_id, a.id, a.client_id, a.therapist, t.type_id, a.starts_at, a.starts_at + interval '45 minutes',
    a.starts_at + interval '60 minutes', a.status, a.visit_id,
    case when a.status = 'cancelled' then a.starts_at - interval '2 days' end,
    case when a.status = 'cancelled' then a.therapist end, a.therapist
  from bench_appts a join bench_types t on t.clinic_id = a.clinic_id
  -- In time order per therapist: the exclusion constraints' GiST indexes fill far faster than in random order.
  order by a.clinic_id, a.therapist, a.starts_at`,
    },
    {
      name: "diary entries",
      sql: `
insert into diary_entries (clinic_id, client_id, complaint_id, entry_date, score)
  select b.clinic_id, b.id, b.complaint_id, current_date - (d * 3 + b.k % 3), case when b.k % 7 = 0 then 7 + d % 2
    else 2 + (b.k + d) % 4 end
  from bench_clients b, generate_series(0, 9) d`,
    },
    {
      name: "programmes",
      // Items copy the demo programme's exercises (snapshot and dosage), so the adherence rules read real dosages.
      sql: `
create temp table bench_item_src as
  select row_number() over (order by position) - 1 as pos, exercise_key, snapshot, dosage
  from programme_items where programme_id = (select min(programme_id::text)::uuid from programme_items) limit 2;
insert into programmes (clinic_id, id, client_id, title, created_by)
  select clinic_id, programme_id, id, 'Home programme', therapist from bench_clients where programme_id is not null;
insert into programme_versions (clinic_id, programme_id, version, start_date, created_by)
  select clinic_id, programme_id, 1, current_date - 56 - k % 30, therapist from bench_clients where programme_id is not null;
create temp table bench_items as
  select b.clinic_id, b.programme_id, s.pos, gen_random_uuid() as id, s.exercise_key, s.snapshot, s.dosage
  from bench_clients b, bench_item_src s where b.programme_id is not null;
insert into programme_items (clinic_id, id, programme_id, version, position, exercise_key, snapshot, dosage)
  select clinic_id, id, programme_id, 1, pos, exercise_key, snapshot, dosage from bench_items`,
    },
    {
      name: "tick-offs",
      // A few adverse reports left unreviewed: they lead the needs-attention list.
      sql: `
insert into programme_completions (clinic_id, client_id, programme_id, item_id, exercise_key, completed_at, local_date, adverse)
  select x.clinic_id, x.client_id, x.programme_id, x.item_id, x.exercise_key, x.at,
    (x.at at time zone c.tz)::date, x.k % 97 = 0 and x.d = 0
  from (select b.clinic_id, b.id as client_id, b.programme_id, i.id as item_id, i.exercise_key, b.k, d,
          now() - make_interval(days => d * 2 + b.k % 2, hours => b.k % 5) as at
        from bench_clients b, generate_series(0, 9) d
        join bench_items i on true
        where b.programme_id is not null and i.programme_id = b.programme_id and i.pos = d % 2) x
  join bench_clinics c on c.clinic_id = x.clinic_id`,
    },
    { name: "invoices and payments", sql: BILLING_DATA_SQL },
  ];
}
