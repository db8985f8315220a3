-- Online monitoring, durable ingest (docs/reference/hj212.md §11): values are written only by the gateway's group
-- commit, by COPY in the transaction that writes their packet and with the packet's id drawn there, so the foreign key
-- checked nothing the writer does not already guarantee, at the price of one trigger and one row lock per value
-- (about 20 per minute packet of a stack). The primary key (packet_id, factor) stays and serves the joins.
alter table telemetry_value drop constraint telemetry_value_packet_id_fkey;
