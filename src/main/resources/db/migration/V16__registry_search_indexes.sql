-- Enterprise search: region subtree + industry, ordered by name, a page at a time, with a total capped at 10,000.
-- A district is a leaf of the region tree, so its subtree filter is an equality on region_path: this index then
-- returns the district's enterprises already in name order (the first page reads a few dozen entries, not the whole
-- district), and answers the capped count from the index alone (industries and status are included). A city or
-- province is read region by region from it and merged (EnterpriseRepository.pageByBranches).
-- It also serves every "region_path LIKE prefix" filter, so it replaces enterprise_region_path.
-- No plain index on name: Chinese names begin with the place, so walking all names in order to find one region's
-- first page can read most of the table before the first match.
create index enterprise_region_name on enterprise (region_path text_pattern_ops, name, id) include (industries, status);
drop index enterprise_region_path;
