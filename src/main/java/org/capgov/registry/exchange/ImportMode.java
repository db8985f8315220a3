package org.capgov.registry.exchange;

/**
 * What an import does with rows that match an existing record (by USCC for enterprises, by USCC + equipment code
 * for equipment): INSERT_ONLY reports them as errors; UPSERT updates them.
 */
public enum ImportMode {
    INSERT_ONLY("仅新增"), UPSERT("新增或更新");

    private final String nameZh;

    ImportMode(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
