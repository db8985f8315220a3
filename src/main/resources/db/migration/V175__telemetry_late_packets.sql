-- Late packets (docs/reference/hj212.md §9): an hourly or daily value records how many packets it was computed from,
-- so that a packet arriving after its hour was averaged is found and the hour (and its day) computed again; revision
-- counts how often that happened. Values computed before this column existed have no count and are not revisited.
alter table telemetry_aggregate add column packets int;
alter table telemetry_aggregate add column revision int not null default 0;
-- the averaging pass looks only at packets received lately; a BRIN index costs the ingest next to nothing
create index telemetry_packet_received on telemetry_packet using brin (received_at);
