-- Indexes a large import dropped and left to be built after its commit (ImportBulkLoad, ImportIndexBuilder): GIN
-- indexes, which PostgreSQL 17 builds in one process. Listed in the import's own transaction, so that an index a
-- committed import dropped is always either present or listed here, also after a crash; the list is built again at
-- the next start.
create table deferred_index (
    name text primary key,
    table_name text not null,
    definition text not null,
    deferred_at timestamptz not null default now()
);
