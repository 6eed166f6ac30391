-- No double booking, enforced by the database: two active appointments of the same therapist,
-- or in the same room, may not overlap in [starts_at, blocks_until) (the buffer included).
-- btree_gist lets the equality on clinic/therapist/room share a GiST index with the range.
-- A violation raises SQLSTATE 23P01, which the app answers with 409 naming the conflict.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_therapist_overlap
  EXCLUDE USING gist (clinic_id WITH =, therapist_user_id WITH =, tstzrange(starts_at, blocks_until, '[)') WITH &&)
  WHERE (status IN ('booked', 'arrived', 'completed'));
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_room_overlap
  EXCLUDE USING gist (clinic_id WITH =, room_id WITH =, tstzrange(starts_at, blocks_until, '[)') WITH &&)
  WHERE (room_id IS NOT NULL AND status IN ('booked', 'arrived', 'completed'));
