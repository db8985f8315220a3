package org.capgov.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.region.AirZone;
import org.capgov.region.Region;
import org.capgov.shared.Uscc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.validation.EnterpriseValidator;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.validation.EquipmentValidator;
import org.capgov.registry.exchange.ImportKind;
import org.capgov.registry.exchange.ImportColumn;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

class RegistryDemoGeneratorTest {

    private static final int ROWS = 5000;
    private static final LocalDate TODAY = ChinaTime.today(Clock.system(ChinaTime.ZONE));
    private static final Pattern SEED_ROW = Pattern.compile(
            "\\('(\\d{6})', '([^']*)', '((?:[^']|'')*)', (?:null|'(\\d{6})'), '([^']+)', (\\d), '([A-Z_]+)', '([A-Z_]+)'");

    /** The open regions as the import sees them, read from the region seed migration. */
    private static Map<String, Region> regions;
    private static List<RegistryDemoGenerator.EnterpriseRow> rows;

    @TempDir
    Path dir;

    @BeforeAll
    static void readRegionSeedAndGenerate() throws IOException {
        regions = new HashMap<>();
        try (InputStream in = RegistryDemoGeneratorTest.class.getResourceAsStream("/db/migration/V2__region_seed.sql")) {
            Matcher m = SEED_ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                regions.put(m.group(1), new Region(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
                        Integer.parseInt(m.group(6)), m.group(7), null, null, AirZone.valueOf(m.group(8)), false, null, null,
                        null, false, null, null));
            }
        }
        rows = new ArrayList<>();
        new RegistryDemoGenerator(2014).generate(ROWS, rows::add);
    }

    @Test
    void demoRegionsAreSeededRegionsWithTheirNames() {
        for (RegistryDemoRegions.Place place : RegistryDemoRegions.PLACES) {
            assertThat(regions).containsKey(place.code());
            assertThat(regions.get(place.code()).name()).isEqualTo(place.name());
        }
    }

    @Test
    void theCsvHeadersAreTheImportColumns() {
        assertThat(RegistryDemoCsv.ENTERPRISE_HEADER).isEqualTo(String.join(",",
                ImportKind.ENTERPRISES.importColumns().stream().map(ImportColumn::header).toList()));
        assertThat(RegistryDemoCsv.EQUIPMENT_HEADER).isEqualTo(String.join(",",
                ImportKind.EQUIPMENT.importColumns().stream().map(ImportColumn::header).toList()));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
        Path[] first = write(2014, "a");
        Path[] again = write(2014, "b");
        Path[] other = write(2015, "c");
        assertThat(Files.mismatch(first[0], again[0])).isEqualTo(-1L);
        assertThat(Files.mismatch(first[1], again[1])).isEqualTo(-1L);
        assertThat(Files.mismatch(first[0], other[0])).isNotEqualTo(-1L);
        assertThat(Files.mismatch(first[1], other[1])).isNotEqualTo(-1L);
    }

    @Test
    void everyRowOfTheCsvFilesPassesTheValidators() throws IOException {
        Path[] files = write(2014, "v");
        Set<String> usccs = new HashSet<>();
        int enterprises = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(files[0])) {
            for (CsvRecord r : csv) {
                if (r.getStartingLineNumber() == 1) {
                    assertThat(String.join(",", r.getFields())).isEqualTo(RegistryDemoCsv.ENTERPRISE_HEADER);
                    continue;
                }
                EnterpriseDraft draft = new EnterpriseDraft(r.getField(0), r.getField(1), r.getField(2), split(r.getField(3)),
                        r.getField(4), r.getField(5), blank(r.getField(6)), List.of(), split(r.getField(7)),
                        r.getField(8), date(r.getField(9)), "是".equals(r.getField(10)) ? Boolean.TRUE : null);
                EnterpriseValidator.Outcome outcome = EnterpriseValidator.validate(draft, regions, TODAY);
                assertThat(outcome.violations()).as(draft.uscc()).isEmpty();
                assertThat(outcome.enterprise().parentUscc() == null || usccs.contains(outcome.enterprise().parentUscc()))
                        .as("parent of %s comes earlier", draft.uscc()).isTrue();
                usccs.add(outcome.enterprise().uscc());
                enterprises++;
            }
        }
        assertThat(enterprises).isEqualTo(ROWS);
        int items = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(files[1])) {
            for (CsvRecord r : csv) {
                if (r.getStartingLineNumber() == 1) {
                    assertThat(String.join(",", r.getFields())).isEqualTo(RegistryDemoCsv.EQUIPMENT_HEADER);
                    continue;
                }
                assertThat(usccs).contains(r.getField(0));
                EquipmentDraft draft = new EquipmentDraft(r.getField(2), blank(r.getField(1)), r.getField(3),
                        parameters(r.getField(4)), r.getField(5), new BigDecimal(r.getField(6)), date(r.getField(7)),
                        blank(r.getField(8)), r.getField(9), date(r.getField(10)));
                assertThat(EquipmentValidator.validate(draft, regions, TODAY).violations())
                        .as(r.getField(0) + "/" + draft.code()).isEmpty();
                items++;
            }
        }
        assertThat(items).isEqualTo(rows.stream().mapToInt(row -> row.equipment().size()).sum());
    }

    @Test
    void codesAreUniqueAndValidExceptTheFlaggedOnes() {
        Set<String> usccs = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        int flagged = 0;
        for (RegistryDemoGenerator.EnterpriseRow row : rows) {
            EnterpriseDraft e = row.enterprise();
            assertThat(usccs.add(e.uscc())).as(e.uscc()).isTrue();
            assertThat(names.add(e.name())).as(e.name()).isTrue();
            e.gridAccounts().forEach(a -> assertThat(accounts.add(a)).as(a).isTrue());
            Uscc.Check check = Uscc.check(e.uscc());
            assertThat(check.structureOk()).isTrue();
            assertThat(check.valid()).as(e.uscc()).isEqualTo(e.acceptCheckCharacter() == null);
            assertThat("TX").doesNotContain(e.uscc().substring(8, 9));
            flagged += e.acceptCheckCharacter() == null ? 0 : 1;
        }
        // about 0.2 %: real registers hold such codes
        assertThat(flagged).isBetween(3, 30);
    }

    @Test
    void theFirstEnterpriseIsTheDemoAccountsSteelWorksInFuling() {
        EnterpriseDraft first = rows.get(0).enterprise();
        assertThat(first.uscc()).isEqualTo("91500102MA5U8A1B06").isEqualTo(RegistryDemoGenerator.DEMO_USCC);
        assertThat(first.region()).isEqualTo("500102");
        assertThat(first.industries()).contains("STEEL");
        assertThat(first.status()).isEqualTo("OPERATING");
        assertThat(rows.get(0).equipment()).extracting(EquipmentDraft::type).contains("BLAST_FURNACE");
        List<RegistryDemoGenerator.EnterpriseRow> without = new ArrayList<>();
        new RegistryDemoGenerator(2014, false).generate(3, without::add);
        assertThat(without).extracting(r -> r.enterprise().uscc()).doesNotContain(RegistryDemoGenerator.DEMO_USCC);
    }

    @Test
    void enterprisesAreSpreadLikeARegister() {
        Map<String, Integer> industries = count(rows.stream().map(r -> r.enterprise().industries().get(0)).toList());
        Map<String, Integer> provinces = count(rows.stream().map(r -> r.enterprise().region().substring(0, 2)).toList());
        Map<String, Integer> statuses = count(rows.stream().map(r -> r.enterprise().status()).toList());
        assertThat(industries.keySet()).hasSizeGreaterThanOrEqualTo(10)
                .contains("STEEL", "CEMENT", "ALUMINIUM", "FLAT_GLASS", "SHIPBUILDING", "COAL", "BRICK_TILE", "COAL_POWER");
        assertThat(industries.get("BRICK_TILE")).isGreaterThan(industries.get("STEEL"));
        assertThat(industries.get("STEEL")).isGreaterThan(industries.get("ALUMINIUM"));
        assertThat(provinces.get("50")).isGreaterThan(ROWS * 6 / 10);
        assertThat(provinces).containsKeys("51", "12");
        assertThat(rows.stream().map(r -> r.enterprise().region()).distinct().count()).isGreaterThan(50);
        assertThat(statuses.get("OPERATING")).isGreaterThan(ROWS * 6 / 10);
        assertThat(statuses).containsKeys("SUSPENDED", "RECTIFYING", "CLOSED", "EXITED");
        // shipyards along the rivers and the coast, coal mines in the coal fields
        assertThat(regionsOf("SHIPBUILDING")).isSubsetOf("500101", "500102", "500116", "120116", "500235", "500233",
                "500115", "500230", "500236", "511500", "510500");
        assertThat(regionsOf("COAL")).doesNotContain("500103", "500105", "120116").allMatch(r -> !r.startsWith("12"));
        double perEnterprise = rows.stream().mapToInt(r -> r.equipment().size()).average().orElseThrow();
        assertThat(perEnterprise).isBetween(2.5, 3.5);
        assertThat(rows).allMatch(r -> r.equipment().size() >= 1 && r.equipment().size() <= 6);
        assertThat(rows.stream().filter(r -> r.enterprise().parentUscc() != null).count()).isPositive();
    }

    @Test
    void parametersStraddleTheThresholds() {
        List<BigDecimal> blastFurnaces = numbers("BLAST_FURNACE", "volume_m3",
                p -> "GENERAL".equals(p.getOrDefault("purpose", "GENERAL")));
        assertThat(blastFurnaces).anyMatch(v -> v.intValue() < 400);
        assertThat(blastFurnaces.stream().filter(v -> v.intValue() >= 400).count()).isGreaterThan(blastFurnaces.size() / 2);
        assertThat(numbers("CONVERTER", "nominal_t", p -> true)).anyMatch(v -> v.intValue() < 30).anyMatch(v -> v.intValue() >= 30);
        assertThat(numbers("SINTER_MACHINE", "area_m2", p -> true)).anyMatch(v -> v.intValue() < 90).anyMatch(v -> v.intValue() >= 90);
        assertThat(numbers("ELECTROLYTIC_CELL_LINE", "current_ka", p -> true)).anyMatch(v -> v.intValue() < 160)
                .anyMatch(v -> v.intValue() >= 400);
        assertThat(numbers("COAL_BOILER", "steam_t_per_h", p -> true)).anyMatch(v -> v.intValue() < 10)
                .anyMatch(v -> v.intValue() >= 35);
        assertThat(numbers("COKE_OVEN", "chamber_height_m", p -> "TOP".equals(p.get("charging"))))
                .anyMatch(v -> v.doubleValue() < 4.3).anyMatch(v -> v.doubleValue() >= 4.3);
        Map<String, Integer> kilns = count(values("CEMENT_KILN", "process"));
        assertThat(kilns.get("NSP")).isGreaterThan(kilns.values().stream().mapToInt(Integer::intValue).sum() / 2);
        assertThat(kilns).containsKey("SHAFT");
        assertThat(values("GLASS_LINE", "process")).contains("FLOAT").containsAnyOf("VERTICAL_DRAWN", "GRID");
        assertThat(values("BRICK_KILN", "kiln_kind")).contains("EARTH", "TUNNEL");
        assertThat(values("INDUCTION_FURNACE", "purpose")).contains("DITIAOGANG", "CASTING");
        assertThat(values("ROLLING_MILL", "mill_type")).contains("MODERN").hasSizeGreaterThan(5);
    }

    @Test
    void datesTellAConsistentHistory() {
        for (RegistryDemoGenerator.EnterpriseRow row : rows) {
            EnterpriseDraft e = row.enterprise();
            assertThat(e.statusSince()).isAfterOrEqualTo(row.establishedOn()).isBeforeOrEqualTo(RegistryDemoGenerator.AS_OF);
            if (!e.status().equals("OPERATING")) {
                assertThat(e.statusSince()).isAfter(row.establishedOn());
            }
            for (EquipmentDraft q : row.equipment()) {
                assertThat(q.commissioned()).isBetween(LocalDate.of(1985, 1, 1), LocalDate.of(2024, 12, 31))
                        .isAfterOrEqualTo(row.establishedOn());
                if (q.status().equals("OPERATING")) {
                    assertThat(q.statusSince()).isEqualTo(q.commissioned());
                } else {
                    assertThat(q.statusSince()).isAfter(q.commissioned());
                }
                assertThat(q.annualCapacity()).isPositive().isLessThanOrEqualTo(EquipmentValidator.MAX_CAPACITY);
            }
        }
    }

    private Path[] write(long seed, String name) throws IOException {
        Path enterprises = dir.resolve(name + "-enterprises.csv");
        Path equipment = dir.resolve(name + "-equipment.csv");
        new RegistryDemoGenerator(seed).writeCsv(ROWS, enterprises, equipment);
        return new Path[] {enterprises, equipment};
    }

    private static List<String> regionsOf(String industry) {
        return rows.stream().filter(r -> r.enterprise().industries().get(0).equals(industry))
                .map(r -> r.enterprise().region()).distinct().toList();
    }

    private static List<BigDecimal> numbers(String type, String parameter, Predicate<Map<String, Object>> where) {
        return rows.stream().flatMap(r -> r.equipment().stream()).filter(q -> q.type().equals(type))
                .filter(q -> where.test(q.parameters())).map(q -> (BigDecimal) q.parameters().get(parameter)).toList();
    }

    private static List<String> values(String type, String parameter) {
        return rows.stream().flatMap(r -> r.equipment().stream()).filter(q -> q.type().equals(type))
                .map(q -> (String) q.parameters().get(parameter)).toList();
    }

    private static Map<String, Integer> count(List<String> values) {
        Map<String, Integer> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    /** 'key=value;key=value' as the import reads it: every value a string. */
    private static Map<String, Object> parameters(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private static List<String> split(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }
}
