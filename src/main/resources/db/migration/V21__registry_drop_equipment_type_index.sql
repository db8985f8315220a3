-- The only query filtering equipment by type is the equipment export, which writes tens of thousands of rows and
-- does not notice a sequential scan of the table (about a second for three million rows). The index cost every
-- equipment change its upkeep and a first load of three million items two seconds to build.
drop index equipment_type;
