package org.capgov.shared;

/**
 * Products with their capacity units (docs/domain.md §4). LIME, CARBON_ANODE, CARBON_CATHODE, FLUORIDE_SALT and STEAM are
 * added so that every equipment type of §4 has a product.
 */
public enum Product {
    PIG_IRON("t"), CRUDE_STEEL("t"), STEEL_PRODUCTS("t"), CLINKER("t"), CEMENT("t"), ALUMINIUM("t"),
    FLAT_GLASS("重量箱"), SHIP("dwt"), RAW_COAL("t"), BRICK("万块标砖"), COKE("t"), FERROALLOY("t"),
    LIME("t"), CARBON_ANODE("t"), CARBON_CATHODE("t"), FLUORIDE_SALT("t"), STEAM("t");

    private final String unit;

    Product(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
