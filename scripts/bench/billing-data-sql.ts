// Invoices and payments for the benchmark data sets (issue 14): every completed appointment in the past that has no
// invoice yet gets one, issued on its day, with one line (£60.00 incl. 20 % VAT). Older ones are paid (cash, card or
// bank transfer, 50 minutes after the start); of the last 120 days' about 5 % are unpaid and 3 % part paid, so the
// ageing report has a few hundred open invoices in the large demo clinic, as a busy clinic would. Set-based and
// idempotent (it invoices only what has no invoice), so it runs on the large set and on the demo database alike.
// Rows go through the real constraints and triggers: drafted with their line, then issued and paid in one update
// (the lock trigger allows a draft to change; after that only the payment state), payments and allocations appended.
export const BILLING_DATA_SQL = `
create temp table bench_invoices on commit drop as
  select a.clinic_id, a.id as appointment_id, a.client_id, a.therapist_user_id as therapist, a.starts_at,
    (a.starts_at at time zone c.timezone)::date as service_date, gen_random_uuid() as id,
    (coalesce((select bc.last_number from billing_counters bc where bc.clinic_id = a.clinic_id and bc.kind = 'invoice'), 0)
      + row_number() over (partition by a.clinic_id order by a.starts_at, a.id))::int as number,
    case when a.starts_at < now() - interval '120 days' then 'paid'
      when abs(hashtext(a.id::text)) % 100 < 5 then 'issued'
      when abs(hashtext(a.id::text)) % 100 < 8 then 'partly_paid' else 'paid' end as status,
    (array['cash', 'card', 'bank_transfer'])[1 + abs(hashtext(a.id::text)) % 3] as method
  from appointments a join clinics c on c.id = a.clinic_id
  where a.status = 'completed' and a.starts_at < now()
    and not exists (select 1 from invoices i where i.clinic_id = a.clinic_id and i.appointment_id = a.id
      and i.kind = 'invoice' and i.status <> 'void');
insert into invoices (clinic_id, id, client_id, appointment_id, therapist_user_id, service_date, currency, tax_inclusive,
  subtotal_minor, tax_minor, total_minor, created_by, created_at)
  select clinic_id, id, client_id, appointment_id, therapist, service_date, 'GBP', true, 5000, 1000, 6000, therapist,
    starts_at from bench_invoices order by clinic_id, number;
insert into invoice_lines (clinic_id, invoice_id, position, kind, description, quantity, unit_price_minor, tax_rate_bp,
  tax_name, net_minor, tax_minor, total_minor)
  select clinic_id, id, 0, 'service', 'Follow-up treatment', 1, 6000, 2000, 'VAT 20%', 5000, 1000, 6000
  from bench_invoices order by clinic_id, number;
update invoices i set status = b.status, number = b.number, display_number = 'INV-' || b.number,
    issue_date = b.service_date, due_date = b.service_date + 14, issued_at = b.starts_at + interval '50 minutes',
    allocated_minor = case b.status when 'paid' then 6000 when 'partly_paid' then 2000 else 0 end,
    business_name = c.name, business_address = '', tax_number = '', client_name = cl.first_name || ' ' || cl.last_name
  from bench_invoices b join clinics c on c.id = b.clinic_id
    join clients cl on cl.clinic_id = b.clinic_id and cl.id = b.client_id
  where i.clinic_id = b.clinic_id and i.id = b.id;
create temp table bench_paid on commit drop as
  select clinic_id, id as invoice_id, client_id, therapist, method, gen_random_uuid() as payment_id,
    case status when 'paid' then 6000 else 2000 end as amount, starts_at + interval '50 minutes' as at
  from bench_invoices where status <> 'issued';
insert into payments (clinic_id, id, client_id, kind, method, amount_minor, currency, received_at, created_by, created_at)
  select clinic_id, payment_id, client_id, 'payment', method, amount, 'GBP', at, therapist, at
  from bench_paid order by clinic_id, at;
insert into allocations (clinic_id, invoice_id, payment_id, amount_minor, created_at)
  select clinic_id, invoice_id, payment_id, amount, at from bench_paid order by clinic_id, at;
insert into billing_counters (clinic_id, kind, last_number)
  select clinic_id, 'invoice', max(number) from bench_invoices group by clinic_id
  on conflict (clinic_id, kind) do update set last_number = excluded.last_number`;
