package org.capgov.registry;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every registered enterprise's USCC with its id and region, for the direct load of equipment to find each row's
 * enterprise without a join. Kept compact (sorted 18-byte codes searched by halves, about 30 bytes an enterprise,
 * 30 MB for a million) instead of a map of strings several times that size.
 */
final class ImportEnterpriseKeys {

    private static final int LENGTH = 18;

    private final byte[] codes;
    private final long[] ids;
    private final int[] regionOf;
    private final List<String[]> regions;
    private final int size;

    private ImportEnterpriseKeys(byte[] codes, long[] ids, int[] regionOf, List<String[]> regions, int size) {
        this.codes = codes;
        this.ids = ids;
        this.regionOf = regionOf;
        this.regions = regions;
        this.size = size;
    }

    /** Reads them all, or returns null when a stored code is not 18 ASCII characters (then nothing is matched here). */
    static ImportEnterpriseKeys load(JdbcClient jdbc) {
        int count = jdbc.sql("select count(*) from enterprise").query(Integer.class).single();
        byte[] codes = new byte[count * LENGTH];
        long[] ids = new long[count];
        int[] regionOf = new int[count];
        List<String[]> regions = new ArrayList<>();
        Map<String, Integer> regionIndex = new HashMap<>();
        int[] n = {0};
        boolean[] plain = {true};
        // byte order ("C"), whatever the database's collation, so that the search by halves below agrees with it
        jdbc.sql("select uscc, id, region_code, region_path from enterprise order by uscc collate \"C\"")
                .withFetchSize(10_000).query((ResultSet rs) -> {
                    int i = n[0];
                    if (i >= count) {
                        return;
                    }
                    byte[] code = rs.getString(1).getBytes(StandardCharsets.UTF_8);
                    if (code.length != LENGTH) {
                        plain[0] = false;
                        return;
                    }
                    System.arraycopy(code, 0, codes, i * LENGTH, LENGTH);
                    ids[i] = rs.getLong(2);
                    String regionCode = rs.getString(3);
                    String regionPath = rs.getString(4);
                    regionOf[i] = regionIndex.computeIfAbsent(regionCode + '\t' + regionPath, k -> {
                        regions.add(new String[] {regionCode, regionPath});
                        return regions.size() - 1;
                    });
                    n[0] = i + 1;
                });
        return plain[0] ? new ImportEnterpriseKeys(codes, ids, regionOf, regions, n[0]) : null;
    }

    /** The position of an enterprise by its USCC, or -1 when it is not registered. */
    int find(String uscc) {
        byte[] key = uscc.getBytes(StandardCharsets.UTF_8);
        if (key.length != LENGTH) {
            return -1;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Arrays.compareUnsigned(codes, mid * LENGTH, mid * LENGTH + LENGTH, key, 0, LENGTH);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    long id(int position) {
        return ids[position];
    }

    String regionCode(int position) {
        return regions.get(regionOf[position])[0];
    }

    String regionPath(int position) {
        return regions.get(regionOf[position])[1];
    }
}
