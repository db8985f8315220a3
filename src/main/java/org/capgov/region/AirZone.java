package org.capgov.region;

/** Air zones of DB50/418-2012 (重庆): 主城区, 影响区, 其他区域. */
public enum AirZone {
    MAIN_CITY, INFLUENCE, OTHER
}
