package org.capgov.registry;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every registered enterprise's USCC with its id and region, for the direct load of equipment to find each row's
 * enterprise without a join (an {@link ImportUsccIndex}; regions are few and kept once each).
 */
final class ImportEnterpriseKeys {

    private final ImportUsccIndex index;
    private final List<String[]> regions;

    private ImportEnterpriseKeys(ImportUsccIndex index, List<String[]> regions) {
        this.index = index;
        this.regions = regions;
    }

    /** Reads them all, or returns null when a stored code cannot be kept (then the staging path matches them). */
    static ImportEnterpriseKeys load(JdbcClient jdbc) {
        int count = jdbc.sql("select count(*) from enterprise").query(Integer.class).single();
        // an enterprise registered meanwhile finds no room: its equipment row then gives the load up
        ImportUsccIndex index = new ImportUsccIndex(count);
        List<String[]> regions = new ArrayList<>();
        Map<String, Integer> regionIndex = new HashMap<>();
        boolean[] kept = {true};
        jdbc.sql("select uscc, id, region_code, region_path from enterprise").withFetchSize(10_000).query((ResultSet rs) -> {
            String regionCode = rs.getString(3);
            String regionPath = rs.getString(4);
            int region = regionIndex.computeIfAbsent(regionCode + '\t' + regionPath, k -> {
                regions.add(new String[] {regionCode, regionPath});
                return regions.size() - 1;
            });
            if (index.add(rs.getString(1), rs.getLong(2), region) < 0 && index.size() < count) {
                kept[0] = false;
            }
        });
        return kept[0] ? new ImportEnterpriseKeys(index, regions) : null;
    }

    int size() {
        return index.size();
    }

    /** The position of an enterprise by its USCC, or -1 when it is not registered. */
    int find(String uscc) {
        return index.find(uscc);
    }

    long id(int position) {
        return index.id(position);
    }

    String regionCode(int position) {
        return regions.get(index.tag(position))[0];
    }

    String regionPath(int position) {
        return regions.get(index.tag(position))[1];
    }
}
