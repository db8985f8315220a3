-- Air zones of DB50/418-2012 (重庆市大气污染物综合排放标准) assigned to the 重庆 regions, per the standard's own
-- definition as read here, with the day a zone holds from (a revision of the standard can change it) and a confidence:
-- V = confirmed against the standard's text by a coordinator, S = assigned from a secondary reading, to be confirmed
-- (pages say so). docs/decisions/seed-readings.md R2 gives the reading.
alter table region add column air_zone_since date;
alter table region add column air_zone_confidence varchar(1) check (air_zone_confidence in ('V', 'S'));

-- 主城区: the nine districts of 主城 (seeded in V2); the standard's list is not in the repository, so S.
update region set air_zone_confidence = 'S'
where code in ('500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113');

-- 影响区: the rest of the 2012 "一小时经济圈" around 主城 (涪陵、长寿、江津、合川、永川、南川、綦江 with 万盛、大足 with
-- 双桥、璧山、铜梁、潼南、荣昌). Not confirmed against the standard's text: S.
update region set air_zone = 'INFLUENCE', air_zone_set_by = 'seed', air_zone_set_at = now(), air_zone_confidence = 'S',
       air_zone_basis = 'DB50/418-2012 影响区：一小时经济圈内主城区以外的区县（按标准定义推定，待核实标准原文）'
where code in ('500102', '500115', '500116', '500117', '500118', '500119', '500110', '500111', '500120', '500151',
               '500152', '500153', '509003');

-- 两江新区 lies within 江北、渝北、北碚 (主城区).
update region set air_zone = 'MAIN_CITY', air_zone_set_by = 'seed', air_zone_set_at = now(), air_zone_confidence = 'S',
       air_zone_basis = 'DB50/418-2012 主城区：两江新区位于江北、渝北、北碚三区内（推定，待核实标准原文）'
where code = '509001';

-- 其他区域: every other 重庆 district and county (渝东北、渝东南). The high-tech zone spans 主城 and 影响区 districts and
-- is left to the coordinator (OTHER, not set, basis says why).
update region set air_zone = 'OTHER', air_zone_set_by = 'seed', air_zone_set_at = now(), air_zone_confidence = 'S',
       air_zone_basis = 'DB50/418-2012 其他区域：主城区和影响区以外的区县（按标准定义推定，待核实标准原文）'
where path like '/500000/%' and air_zone_set_by is null and code <> '509002';

update region set air_zone_basis = '跨主城区（沙坪坝、九龙坡、北碚）与影响区（江津、璧山），须由协调员按园区所在地设定（待核实）',
       air_zone_confidence = 'S'
where code = '509002';
