package org.capgov.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the caller may see. Every query over regulated data takes its WHERE condition from here, so that the
 * rule "region subtree × dimensions (× one enterprise)" is written once. Column names are code constants
 * (checked below); every value is a bound parameter.
 */
public record DataScope(boolean unrestricted, List<ScopeGrant> grants) {

    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public DataScope {
        grants = List.copyOf(grants);
    }

    public static DataScope all() {
        return new DataScope(true, List.of());
    }

    public static DataScope nothing() {
        return new DataScope(false, List.of());
    }

    public static DataScope of(List<ScopeGrant> grants) {
        return new DataScope(false, grants);
    }

    public boolean coversRegion(String path) {
        return unrestricted || grants.stream().anyMatch(g -> g.covers(path));
    }

    public boolean covers(String path, Dimension dimension) {
        return unrestricted || grants.stream().anyMatch(g -> g.covers(path) && g.dimensions().contains(dimension));
    }

    /** One enterprise's rows: in a granted subtree, and the grant's own enterprise when the grant names one. */
    public boolean coversEnterprise(String path, String uscc) {
        return unrestricted || grants.stream().anyMatch(g -> g.covers(path)
                && (g.enterpriseUscc() == null || g.enterpriseUscc().equals(uscc)));
    }

    /** Rows whose region path lies in one of the granted subtrees. */
    public SqlPredicate regionPredicate(String pathColumn) {
        return predicate(pathColumn, null, null);
    }

    /**
     * Rows in a granted subtree, of a granted dimension (when {@code dimensionColumn} is given) and of the granted
     * enterprise (when {@code enterpriseColumn} is given and the grant names one).
     */
    public SqlPredicate predicate(String pathColumn, String dimensionColumn, String enterpriseColumn) {
        checkColumn(pathColumn);
        if (dimensionColumn != null) {
            checkColumn(dimensionColumn);
        }
        if (enterpriseColumn != null) {
            checkColumn(enterpriseColumn);
        }
        if (unrestricted) {
            return SqlPredicate.TRUE;
        }
        if (grants.isEmpty()) {
            return SqlPredicate.FALSE;
        }
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < grants.size(); i++) {
            ScopeGrant grant = grants.get(i);
            StringBuilder clause = new StringBuilder("(" + pathColumn + " like :scope_path_" + i);
            params.put("scope_path_" + i, grant.regionPath() + "%");
            if (dimensionColumn != null) {
                clause.append(" and ").append(dimensionColumn).append(" in (:scope_dims_").append(i).append(")");
                params.put("scope_dims_" + i, grant.dimensions().stream().map(Enum::name).sorted().toList());
            }
            if (enterpriseColumn != null && grant.enterpriseUscc() != null) {
                clause.append(" and ").append(enterpriseColumn).append(" = :scope_enterprise_").append(i);
                params.put("scope_enterprise_" + i, grant.enterpriseUscc());
            }
            alternatives.add(clause.append(")").toString());
        }
        return new SqlPredicate("(" + String.join(" or ", alternatives) + ")", params);
    }

    private static void checkColumn(String column) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
    }
}
