-- The pinyin spellings of enterprise names for the public search (org.capgov.disclosure.PinyinNames): full pinyin
-- and initials, every reading of a polyphonic character, variants joined with '|'. Kept beside the register and
-- refreshed by the search where the stored name is no longer the register's name.
create table enterprise_name_spelling (
    enterprise_id bigint primary key references enterprise (id) on delete cascade,
    name          text not null,
    full_pinyin   text not null,
    initials      text not null
);
create index enterprise_name_spelling_full_trgm on enterprise_name_spelling using gin (full_pinyin gin_trgm_ops);
create index enterprise_name_spelling_initials_trgm on enterprise_name_spelling using gin (initials gin_trgm_ops);
